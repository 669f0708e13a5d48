package dev.uniwizard.mesh.house.tools.file;

import dev.uniwizard.mesh.house.tools.ParamType;
import dev.uniwizard.mesh.house.tools.Tool;
import dev.uniwizard.mesh.house.tools.ToolCall;
import dev.uniwizard.mesh.house.tools.ToolParameter;
import dev.uniwizard.mesh.house.tools.ToolResult;
import dev.uniwizard.mesh.house.tools.workspace.Workspace;
import dev.uniwizard.mesh.house.tools.workspace.WorkspaceException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Searches the text files of the workspace like grep: every matching line as {@code path:line: text}. Binary files,
 * files over {@value #MAX_FILE_BYTES} bytes, {@code .git} and symbolic links to directories are skipped.
 */
@Singleton
public class FileSearchTool implements Tool {

    public static final String NAME = "file_search";

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;
    static final long MAX_FILE_BYTES = 10L * 1024 * 1024;
    private static final int MAX_LINE_CHARS = 300;

    private final Workspace workspace;

    @Inject
    public FileSearchTool(Workspace workspace) {
        this.workspace = workspace;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Finds lines matching a regular expression (or literal text) in the workspace's text files and returns"
                + " them as path:line: text.";
    }

    @Override
    public List<ToolParameter> parameters() {
        return List.of(
                ToolParameter.required("pattern", "a Java regular expression, or plain text when literal=true"),
                ToolParameter.optional(
                        "literal", ParamType.BOOLEAN, "true to search for the pattern as plain text (default false)"),
                ToolParameter.optional(
                        "path", "the directory or file to search, relative to the workspace root (default '.')"),
                ToolParameter.optional(
                        "glob",
                        "only files whose name matches, e.g. *.md; a glob with '/' is matched against the path"
                                + " below the searched directory, e.g. docs/**.md"),
                ToolParameter.optional(
                        "limit",
                        ParamType.INTEGER,
                        "most matching lines to return, " + DEFAULT_LIMIT + " when omitted, at most " + MAX_LIMIT));
    }

    @Override
    public boolean readOnly() {
        return true;
    }

    @Override
    public Optional<String> target(ToolCall call) {
        return Optional.of(workspace.displayPath(call.argument("path").orElse(".")));
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(60);
    }

    @Override
    public ToolResult execute(ToolCall call) {
        String patternText = call.required("pattern");
        if (patternText.isEmpty()) {
            return ToolResult.failure("file_search: the pattern is empty");
        }
        long limit = call.integer("limit", DEFAULT_LIMIT);
        if (limit < 1 || limit > MAX_LIMIT) {
            return ToolResult.failure("file_search: limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(patternText, call.bool("literal", false) ? Pattern.LITERAL : 0);
        } catch (PatternSyntaxException e) {
            return ToolResult.failure("file_search: '" + patternText + "' is not a valid regular expression ("
                    + e.getDescription() + " near index " + e.getIndex()
                    + "); pass literal=true to search for it as plain text");
        }
        Optional<PathMatcher> glob;
        try {
            glob = call.argument("glob")
                    .map(String::strip)
                    .filter(g -> !g.isEmpty())
                    .map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g));
        } catch (IllegalArgumentException e) {
            return ToolResult.failure("file_search: glob '"
                    + call.argument("glob").orElse("") + "' is not valid (" + e.getMessage() + ")");
        }
        boolean globOnPath = call.argument("glob").map(g -> g.contains("/")).orElse(false);
        Path start;
        try {
            start = workspace.resolve(call.argument("path").orElse("."));
        } catch (WorkspaceException e) {
            return ToolResult.failure("file_search: " + e.getMessage());
        }
        if (!Files.exists(start)) {
            return ToolResult.failure("file_search: '" + workspace.displayPath(start) + "' does not exist");
        }
        Search search = new Search(pattern, (int) limit);
        try {
            if (Files.isDirectory(start)) {
                walk(start, start, glob, globOnPath, search);
            } else {
                searchFile(start, search);
            }
        } catch (IOException e) {
            return ToolResult.failure(
                    "file_search: searching '" + workspace.displayPath(start) + "' failed: " + e.getMessage());
        }
        return ToolResult.ok(search.report(patternText));
    }

    private void walk(Path base, Path dir, Optional<PathMatcher> glob, boolean globOnPath, Search search)
            throws IOException {
        for (Path child : FileListTool.sortedChildren(dir)) {
            if (search.full()) {
                return;
            }
            if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                if (!child.getFileName().toString().equals(TextFiles.GIT_DIR)) {
                    walk(base, child, glob, globOnPath, search);
                }
            } else if (Files.isRegularFile(child, LinkOption.NOFOLLOW_LINKS)) {
                Path matched = globOnPath ? base.relativize(child) : child.getFileName();
                if (glob.isEmpty() || glob.get().matches(matched)) {
                    searchFile(child, search);
                }
            }
        }
    }

    private void searchFile(Path file, Search search) throws IOException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            search.skippedLarge++;
            return;
        }
        try {
            if (TextFiles.looksBinary(file)) {
                search.skippedBinary++;
                return;
            }
            search.files++;
            String shown = workspace.displayPath(file);
            try (BufferedReader reader = TextFiles.reader(file)) {
                String line;
                long number = 0;
                while ((line = reader.readLine()) != null) {
                    number++;
                    if (search.pattern.matcher(line).find()) {
                        search.matches.add(shown + ":" + number + ": " + TextFiles.abbreviate(line, MAX_LINE_CHARS));
                        if (search.full()) {
                            search.stopped = true;
                            return;
                        }
                    }
                }
            }
        } catch (java.nio.file.AccessDeniedException e) {
            search.unreadable++;
        }
    }

    /** The state of one search. */
    private static final class Search {
        final Pattern pattern;
        final int limit;
        final List<String> matches = new ArrayList<>();
        int files;
        int skippedBinary;
        int skippedLarge;
        int unreadable;
        boolean stopped;

        Search(Pattern pattern, int limit) {
            this.pattern = pattern;
            this.limit = limit;
        }

        boolean full() {
            return matches.size() >= limit;
        }

        String report(String patternText) {
            List<String> lines = new ArrayList<>(matches);
            if (matches.isEmpty()) {
                lines.add("no line matches '" + patternText + "' in " + files + " text file" + (files == 1 ? "" : "s"));
            }
            if (stopped) {
                lines.add(
                        "[stopped at " + limit + " matches; narrow the search or raise limit (max " + MAX_LIMIT + ")]");
            }
            List<String> skipped = new ArrayList<>();
            if (skippedBinary > 0) {
                skipped.add(skippedBinary + " binary");
            }
            if (skippedLarge > 0) {
                skipped.add(skippedLarge + " over " + MAX_FILE_BYTES + " bytes");
            }
            if (unreadable > 0) {
                skipped.add(unreadable + " unreadable");
            }
            if (!skipped.isEmpty()) {
                lines.add("[skipped files: " + String.join(", ", skipped) + "]");
            }
            return String.join("\n", lines);
        }
    }
}

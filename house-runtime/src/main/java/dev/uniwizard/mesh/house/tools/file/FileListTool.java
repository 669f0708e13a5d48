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
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lists a directory of the workspace, optionally with everything below it: one entry a line as a workspace path,
 * directories ending in {@code /}, files with their size. Symbolic links are shown but not followed, and {@code .git}
 * is not descended into.
 */
@Singleton
public class FileListTool implements Tool {

    public static final String NAME = "file_list";

    static final int DEFAULT_LIMIT = 200;
    static final int MAX_LIMIT = 5000;

    private final Workspace workspace;

    @Inject
    public FileListTool(Workspace workspace) {
        this.workspace = workspace;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Lists the files and directories at a path in the workspace (directories end with '/', files show"
                + " their size), optionally recursively.";
    }

    @Override
    public List<ToolParameter> parameters() {
        return List.of(
                ToolParameter.optional("path", "the directory to list, relative to the workspace root (default '.')"),
                ToolParameter.optional(
                        "recursive", ParamType.BOOLEAN, "true to list everything below the directory too"),
                ToolParameter.optional(
                        "limit",
                        ParamType.INTEGER,
                        "most entries to show, " + DEFAULT_LIMIT + " when omitted, at most " + MAX_LIMIT));
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
        return Duration.ofSeconds(30);
    }

    @Override
    public ToolResult execute(ToolCall call) {
        String given = call.argument("path").orElse(".");
        long limit = call.integer("limit", DEFAULT_LIMIT);
        if (limit < 1 || limit > MAX_LIMIT) {
            return ToolResult.failure("file_list: limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        Path dir;
        try {
            dir = workspace.resolve(given);
        } catch (WorkspaceException e) {
            return ToolResult.failure("file_list: " + e.getMessage());
        }
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return ToolResult.failure("file_list: '" + workspace.displayPath(dir) + "' does not exist");
        }
        List<String> lines = new ArrayList<>();
        try {
            if (!Files.isDirectory(dir)) {
                lines.add(entry(dir));
            } else {
                boolean complete = walk(dir, call.bool("recursive", false), (int) limit, lines);
                if (lines.isEmpty()) {
                    return ToolResult.ok("'" + workspace.displayPath(dir) + "' is an empty directory");
                }
                if (!complete) {
                    lines.add("[stopped after " + limit + " entries; raise limit (max " + MAX_LIMIT
                            + ") or list a subdirectory]");
                }
            }
        } catch (AccessDeniedException e) {
            return ToolResult.failure("file_list: permission denied reading '" + e.getFile() + "'");
        } catch (IOException e) {
            return ToolResult.failure(
                    "file_list: '" + workspace.displayPath(dir) + "' could not be listed: " + e.getMessage());
        }
        return ToolResult.ok(String.join("\n", lines));
    }

    /** Adds the entries of {@code dir} (and below it when recursive) in name order; false when stopped at the limit. */
    private boolean walk(Path dir, boolean recursive, int limit, List<String> lines) throws IOException {
        for (Path child : sortedChildren(dir)) {
            if (lines.size() >= limit) {
                return false;
            }
            lines.add(entry(child));
            boolean realDirectory = Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS);
            if (recursive
                    && realDirectory
                    && !child.getFileName().toString().equals(TextFiles.GIT_DIR)
                    && !walk(child, true, limit, lines)) {
                return false;
            }
        }
        return true;
    }

    static List<Path> sortedChildren(Path dir) throws IOException {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(children::add);
        }
        children.sort(null);
        return children;
    }

    private String entry(Path path) throws IOException {
        String shown = workspace.displayPath(path);
        if (Files.isSymbolicLink(path)) {
            String target = Files.readSymbolicLink(path).toString();
            return shown + (Files.isDirectory(path) ? "/" : "") + " -> " + target;
        }
        if (Files.isDirectory(path)) {
            return shown + "/";
        }
        return shown + "  " + Files.size(path) + " bytes";
    }
}

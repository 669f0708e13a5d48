package dev.uniwizard.mesh.house.tools.file;

import dev.uniwizard.mesh.house.config.HouseConfig;
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
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Reads a text file of the workspace, whole or a range of lines. Binary files and directories are refused; output is
 * cut at {@code house.workspace.max-read-bytes} with a note saying how to read on.
 */
@Singleton
public class FileReadTool implements Tool {

    public static final String NAME = "file_read";

    private final Workspace workspace;
    private final int maxReadBytes;

    @Inject
    public FileReadTool(HouseConfig config, Workspace workspace) {
        this(workspace, config.workspace().maxReadBytes());
    }

    public FileReadTool(Workspace workspace, int maxReadBytes) {
        this.workspace = workspace;
        this.maxReadBytes = maxReadBytes;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Reads a text file in the workspace, optionally only some lines (offset_line, limit_lines).";
    }

    @Override
    public List<ToolParameter> parameters() {
        return List.of(
                ToolParameter.required("path", "the file, relative to the workspace root or absolute inside it"),
                ToolParameter.optional(
                        "offset_line", ParamType.INTEGER, "the first line to return, counting from 1 (default 1)"),
                ToolParameter.optional(
                        "limit_lines", ParamType.INTEGER, "how many lines to return at most (default: all)"));
    }

    @Override
    public boolean readOnly() {
        return true;
    }

    @Override
    public Optional<String> target(ToolCall call) {
        return call.argument("path").map(workspace::displayPath);
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(15);
    }

    @Override
    public ToolResult execute(ToolCall call) {
        String given = call.required("path");
        long offset = call.integer("offset_line", 1);
        long limit = call.integer("limit_lines", Long.MAX_VALUE);
        if (offset < 1) {
            return ToolResult.failure("file_read: offset_line must be 1 or more, got " + offset);
        }
        if (limit < 1) {
            return ToolResult.failure("file_read: limit_lines must be 1 or more, got " + limit);
        }
        Path file;
        try {
            file = workspace.resolve(given);
        } catch (WorkspaceException e) {
            return ToolResult.failure("file_read: " + e.getMessage());
        }
        String shown = workspace.displayPath(file);
        if (Files.isDirectory(file)) {
            return ToolResult.failure("file_read: '" + shown + "' is a directory; use file_list to see what it holds");
        }
        if (!Files.exists(file)) {
            return ToolResult.failure("file_read: '" + shown + "' does not exist");
        }
        try {
            if (TextFiles.looksBinary(file)) {
                return ToolResult.failure(
                        "file_read: '" + shown + "' is a binary file (it contains NUL bytes) and is" + " not shown");
            }
            return read(file, shown, offset, limit);
        } catch (AccessDeniedException e) {
            return ToolResult.failure("file_read: '" + shown + "' may not be read by this house (permission denied)");
        } catch (IOException e) {
            return ToolResult.failure("file_read: '" + shown + "' could not be read: " + e.getMessage());
        }
    }

    private ToolResult read(Path file, String shown, long offset, long limit) throws IOException {
        StringBuilder out = new StringBuilder();
        long line = 1;
        long bytes = 0;
        boolean cut = false;
        boolean more = false;
        boolean sawAny = false;
        boolean lastWasNewline = false;
        try (BufferedReader reader = TextFiles.reader(file)) {
            int c;
            while ((c = reader.read()) != -1) {
                sawAny = true;
                if (line < offset) {
                    if (c == '\n') {
                        line++;
                    }
                    lastWasNewline = c == '\n';
                    continue;
                }
                if (line - offset >= limit) {
                    more = true;
                    break;
                }
                int size = TextFiles.utf8Length((char) c);
                if (bytes + size > maxReadBytes) {
                    cut = true;
                    break;
                }
                out.append((char) c);
                bytes += size;
                lastWasNewline = c == '\n';
                if (c == '\n') {
                    line++;
                }
            }
        }
        if (line < offset) {
            long lines = !sawAny ? 0 : lastWasNewline ? line - 1 : line;
            return ToolResult.failure("file_read: offset_line " + offset + " is past the end: '" + shown + "' has "
                    + lines + " line" + (lines == 1 ? "" : "s"));
        }
        if (!sawAny) {
            return ToolResult.ok("[the file '" + shown + "' is empty]");
        }
        if (cut && line == offset) {
            appendNote(
                    out,
                    "line " + line + " alone is longer than " + maxReadBytes + " bytes"
                            + " (house.workspace.max-read-bytes); only its start is shown");
        } else if (cut) {
            long size = Files.size(file);
            appendNote(
                    out,
                    "cut at " + maxReadBytes + " bytes (house.workspace.max-read-bytes); '" + shown + "' has " + size
                            + " bytes; read on with offset_line=" + line);
        } else if (more) {
            appendNote(out, "lines " + offset + "-" + (line - 1) + " shown; more follow from offset_line=" + line);
        }
        return ToolResult.ok(out.toString());
    }

    private static void appendNote(StringBuilder out, String note) {
        if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
        out.append('[').append(note).append(']');
    }
}

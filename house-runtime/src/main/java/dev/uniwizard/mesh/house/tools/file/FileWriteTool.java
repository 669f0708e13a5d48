package dev.uniwizard.mesh.house.tools.file;

import dev.uniwizard.mesh.house.config.HouseConfig;
import dev.uniwizard.mesh.house.tools.Tool;
import dev.uniwizard.mesh.house.tools.ToolCall;
import dev.uniwizard.mesh.house.tools.ToolParameter;
import dev.uniwizard.mesh.house.tools.ToolResult;
import dev.uniwizard.mesh.house.tools.workspace.Workspace;
import dev.uniwizard.mesh.house.tools.workspace.WorkspaceException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes a text file of the workspace: replaces it atomically (temp file and move), appends to it, or creates it only
 * when it does not exist. Parent directories are created; content over {@code house.workspace.max-write-bytes} is
 * refused.
 */
@Singleton
public class FileWriteTool implements Tool {

    public static final String NAME = "file_write";

    /** How file_write treats an existing file. */
    enum Mode {
        OVERWRITE,
        APPEND,
        CREATE
    }

    private final Workspace workspace;
    private final int maxWriteBytes;

    @Inject
    public FileWriteTool(HouseConfig config, Workspace workspace) {
        this(workspace, config.workspace().maxWriteBytes());
    }

    public FileWriteTool(Workspace workspace, int maxWriteBytes) {
        this.workspace = workspace;
        this.maxWriteBytes = maxWriteBytes;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Writes text to a file in the workspace (mode overwrite, append, or create which fails if the file"
                + " exists), creating parent directories.";
    }

    @Override
    public List<ToolParameter> parameters() {
        return List.of(
                ToolParameter.required("path", "the file, relative to the workspace root or absolute inside it"),
                ToolParameter.required("content", "the text to write (UTF-8)"),
                ToolParameter.optional(
                        "mode",
                        "overwrite (default: replace the whole file), append (add to its end) or create (only if it"
                                + " does not exist yet)"));
    }

    @Override
    public boolean readOnly() {
        return false;
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
        String modeText = call.argument("mode").orElse("overwrite").strip();
        Mode mode;
        try {
            mode = Mode.valueOf(modeText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return ToolResult.failure("file_write: mode must be overwrite, append or create, got '" + modeText + "'");
        }
        byte[] content = call.required("content").getBytes(StandardCharsets.UTF_8);
        if (content.length > maxWriteBytes) {
            return ToolResult.failure("file_write: the content is " + content.length + " bytes, more than the "
                    + maxWriteBytes + " bytes allowed (house.workspace.max-write-bytes); nothing was written");
        }
        Path file;
        try {
            file = workspace.resolve(given);
        } catch (WorkspaceException e) {
            return ToolResult.failure("file_write: " + e.getMessage());
        }
        String shown = workspace.displayPath(file);
        if (Files.isDirectory(file)) {
            return ToolResult.failure("file_write: '" + shown + "' is a directory");
        }
        try {
            try {
                Files.createDirectories(file.getParent());
            } catch (FileAlreadyExistsException e) {
                return ToolResult.failure("file_write: cannot create '" + shown + "': '"
                        + workspace.displayPath(Path.of(e.getFile())) + "' is a file, not a directory");
            }
            // resolve() has checked that a link here stays inside the workspace: write through it, never replace it
            Path real = Files.exists(file) ? file.toRealPath() : file;
            return switch (mode) {
                case CREATE -> create(real, shown, content);
                case APPEND -> append(real, shown, content);
                case OVERWRITE -> overwrite(real, shown, content);
            };
        } catch (AccessDeniedException e) {
            return ToolResult.failure("file_write: permission denied writing '" + shown + "'");
        } catch (IOException e) {
            return ToolResult.failure("file_write: '" + shown + "' could not be written: " + e.getMessage());
        }
    }

    private static ToolResult create(Path file, String shown, byte[] content) throws IOException {
        try {
            Files.write(file, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            return ToolResult.failure("file_write: '" + shown + "' already exists and mode=create never replaces a"
                    + " file; use mode=overwrite or mode=append");
        }
        return ToolResult.ok("wrote " + bytes(content.length) + " to " + shown + " (created)");
    }

    private static ToolResult append(Path file, String shown, byte[] content) throws IOException {
        boolean existed = Files.exists(file);
        Files.write(file, content, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        return ToolResult.ok("appended " + bytes(content.length) + " to " + shown
                + (existed ? " (now " + bytes(Files.size(file)) + ")" : " (created)"));
    }

    private static ToolResult overwrite(Path file, String shown, byte[] content) throws IOException {
        boolean existed = Files.exists(file);
        Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName() + ".", ".tmp");
        try {
            Files.write(temp, content, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            setPermissions(existed ? Optional.of(file) : Optional.empty(), temp);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        return ToolResult.ok(
                "wrote " + bytes(content.length) + " to " + shown + (existed ? " (replaced)" : " (created)"));
    }

    /**
     * A temp file is created owner-only: a replaced file keeps the permissions it had, a new one gets the usual
     * {@code rw-r--r--}.
     */
    private static void setPermissions(Optional<Path> original, Path temp) throws IOException {
        PosixFileAttributeView to = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
        if (to == null) {
            return;
        }
        if (original.isEmpty()) {
            to.setPermissions(PosixFilePermissions.fromString("rw-r--r--"));
            return;
        }
        PosixFileAttributeView from = Files.getFileAttributeView(original.get(), PosixFileAttributeView.class);
        if (from != null) {
            to.setPermissions(from.readAttributes().permissions());
        }
    }

    private static String bytes(long count) {
        return count == 1 ? "1 byte" : count + " bytes";
    }
}

package dev.uniwizard.mesh.house.tools.system;

import dev.uniwizard.mesh.house.tools.Tool;
import dev.uniwizard.mesh.house.tools.ToolCall;
import dev.uniwizard.mesh.house.tools.ToolParameter;
import dev.uniwizard.mesh.house.tools.ToolResult;
import dev.uniwizard.mesh.house.tools.workspace.Workspace;
import dev.uniwizard.mesh.house.tools.workspace.WorkspaceException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reports how full the filesystems are that hold the workspace roots and {@code /}, or the one holding a given path
 * inside the workspace.
 */
@Singleton
public class DiskUsageTool implements Tool {

    public static final String NAME = "disk_usage";

    private final Workspace workspace;

    @Inject
    public DiskUsageTool(Workspace workspace) {
        this.workspace = workspace;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Shows total, used and free space of the filesystems holding the workspace roots and /, or of one path"
                + " in the workspace.";
    }

    @Override
    public List<ToolParameter> parameters() {
        return List.of(ToolParameter.optional(
                "path",
                "a file or directory in the workspace whose filesystem to report; all workspace roots and /"
                        + " when omitted"));
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
        return Duration.ofSeconds(10);
    }

    @Override
    public ToolResult execute(ToolCall call) {
        Map<String, Path> labelled = new LinkedHashMap<>();
        Optional<String> given = call.argument("path");
        if (given.isPresent()) {
            try {
                Path path = workspace.resolve(given.get());
                if (!Files.exists(path)) {
                    return ToolResult.failure("disk_usage: '" + given.get() + "' does not exist");
                }
                labelled.put(workspace.displayPath(path), path);
            } catch (WorkspaceException e) {
                return ToolResult.failure("disk_usage: " + e.getMessage());
            }
        } else {
            for (Path root : workspace.roots()) {
                labelled.put(root.toString(), root);
            }
            labelled.putIfAbsent("/", Path.of("/").toAbsolutePath());
        }
        List<String> lines = new ArrayList<>();
        boolean anyReported = false;
        for (Map.Entry<String, Path> entry : labelled.entrySet()) {
            try {
                FileStore store = Files.getFileStore(entry.getValue());
                lines.add(describe(entry.getKey(), store));
                anyReported = true;
            } catch (IOException e) {
                lines.add(entry.getKey() + ": cannot read its filesystem (" + e.getMessage() + ")");
            }
        }
        String text = String.join("\n", lines);
        return anyReported ? ToolResult.ok(text) : ToolResult.failure("disk_usage: " + text);
    }

    private static String describe(String label, FileStore store) throws IOException {
        long total = store.getTotalSpace();
        long free = store.getUsableSpace();
        long used = total - store.getUnallocatedSpace();
        return label + ": filesystem " + store.name() + " (" + store.type() + ") total " + ByteSizes.human(total)
                + ", used " + ByteSizes.human(used) + ", free " + ByteSizes.human(free) + ", "
                + ByteSizes.percent(used, total) + " used";
    }
}

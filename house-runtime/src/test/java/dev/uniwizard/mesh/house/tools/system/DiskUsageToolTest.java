package dev.uniwizard.mesh.house.tools.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.house.config.HouseConfigs;
import dev.uniwizard.mesh.house.tools.ToolCall;
import dev.uniwizard.mesh.house.tools.ToolResult;
import dev.uniwizard.mesh.house.tools.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskUsageToolTest {

    @TempDir
    Path root;

    private DiskUsageTool tool;

    @BeforeEach
    void setUp() {
        tool = new DiskUsageTool(new Workspace(HouseConfigs.of(Map.of("house.workspace.roots", root.toString()))));
    }

    @Test
    void reportsTheWorkspaceRootsAndTheRootFilesystem() {
        ToolResult result = tool.execute(new ToolCall("disk_usage", Map.of()));

        assertThat(result.ok()).isTrue();
        List<String> lines = result.text().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith(root + ": filesystem ").contains("total ", "used ", "free ", "% used");
        assertThat(lines.get(1)).startsWith("/: filesystem ");
    }

    @Test
    void reportsTheFilesystemOfAPathInTheWorkspace() throws IOException {
        Files.createDirectories(root.resolve("data/logs"));

        ToolResult result = tool.execute(new ToolCall("disk_usage", Map.of("path", "data/logs")));

        assertThat(result.ok()).isTrue();
        assertThat(result.text()).startsWith("data/logs: filesystem ").contains("% used");
        assertThat(tool.target(new ToolCall("disk_usage", Map.of("path", root + "/data/logs"))))
                .contains("data/logs");
    }

    @Test
    void refusesPathsOutsideTheWorkspaceOrMissing() {
        ToolResult outside = tool.execute(new ToolCall("disk_usage", Map.of("path", "../..")));
        ToolResult missing = tool.execute(new ToolCall("disk_usage", Map.of("path", "nope")));

        assertThat(outside.ok()).isFalse();
        assertThat(outside.text()).contains("outside the workspace");
        assertThat(missing.ok()).isFalse();
        assertThat(missing.text()).contains("'nope' does not exist");
    }
}

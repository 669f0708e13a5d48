package dev.uniwizard.mesh.house.tools.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.house.tools.ToolCall;
import dev.uniwizard.mesh.house.tools.ToolResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryUsageToolTest {

    @TempDir
    Path dir;

    @Test
    void readsTheKernelsFigures() throws IOException {
        Path meminfo = dir.resolve("meminfo");
        Files.writeString(meminfo, """
                MemTotal:        8388608 kB
                MemFree:          524288 kB
                MemAvailable:    2097152 kB
                Buffers:           10000 kB
                SwapTotal:       1048576 kB
                SwapFree:         786432 kB
                """);

        ToolResult result = new MemoryUsageTool(meminfo).execute(new ToolCall("memory_usage", Map.of()));

        assertThat(result.ok()).isTrue();
        assertThat(result.text())
                .contains("memory: total 8.0 GiB, available 2.0 GiB, used 6.0 GiB (75.0%)")
                .contains("swap: total 1.0 GiB, free 768.0 MiB, used 256.0 MiB (25.0%)")
                .contains("jvm heap: ");
    }

    @Test
    void withoutMeminfoFallsBackToTheJvmsView() {
        ToolResult result = new MemoryUsageTool(dir.resolve("missing")).execute(new ToolCall("memory_usage", Map.of()));

        assertThat(result.ok()).isTrue();
        assertThat(result.text()).contains("memory: total ", "the JVM's view", "jvm heap: ");
    }

    @Test
    void meminfoWithoutTotalsIsNoted() throws IOException {
        Path meminfo = Files.writeString(dir.resolve("meminfo"), "garbage\n");

        ToolResult result = new MemoryUsageTool(meminfo).execute(new ToolCall("memory_usage", Map.of()));

        assertThat(result.ok()).isTrue();
        assertThat(result.text()).contains("has no MemTotal line", "jvm heap: ");
    }
}

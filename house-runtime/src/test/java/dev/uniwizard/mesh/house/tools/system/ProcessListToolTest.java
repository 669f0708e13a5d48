package dev.uniwizard.mesh.house.tools.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.house.tools.ToolCall;
import dev.uniwizard.mesh.house.tools.ToolResult;
import java.io.IOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProcessListToolTest {

    private final ProcessListTool tool = new ProcessListTool();

    @Test
    void findsARunningProcessByItsCommandLine() throws IOException {
        String marker = "marker" + UUID.randomUUID().toString().replace("-", "");
        Process sleeper = new ProcessBuilder("sh", "-c", "sleep 60; echo " + marker).start();
        try {
            ToolResult result = tool.execute(new ToolCall("process_list", Map.of("filter", marker.toUpperCase())));

            assertThat(result.ok()).isTrue();
            assertThat(result.text().lines()).hasSize(2);
            assertThat(result.text().lines().toList().get(0)).contains("PID", "USER", "CPU", "COMMAND");
            assertThat(result.text().lines().toList().get(1))
                    .contains(String.valueOf(sleeper.pid()))
                    .contains(marker);
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void showsAProcessWhoseCommandLineHasNewlinesOnOneLine() throws IOException {
        String marker = "marker" + UUID.randomUUID().toString().replace("-", "");
        Process sleeper = new ProcessBuilder("sh", "-c", "sleep 60\necho " + marker + "\n").start();
        try {
            ToolResult result = tool.execute(new ToolCall("process_list", Map.of("filter", marker)));

            assertThat(result.text().lines()).hasSize(2);
            assertThat(result.text().lines().toList().get(1))
                    .contains(String.valueOf(sleeper.pid()))
                    .contains("sleep 60 echo " + marker);
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void showsAtMostTheLimitAndSaysHowManyMore() throws IOException {
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        try {
            // at least this JVM and the sleeper are visible
            ToolResult result = tool.execute(new ToolCall("process_list", Map.of("limit", "1")));

            assertThat(result.ok()).isTrue();
            assertThat(result.text().lines()).hasSize(3);
            assertThat(result.text().lines().toList().get(2)).matches("\\(\\d+ more not shown; .*");
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void listsBusiestProcessesFirst() {
        ToolResult result = tool.execute(new ToolCall("process_list", Map.of("limit", "200")));

        List<Duration> cpu = result.text()
                .lines()
                .skip(1)
                .filter(line -> !line.startsWith("("))
                .map(line -> line.strip().split("\\s+")[2])
                .map(ProcessListToolTest::parseClock)
                .toList();
        assertThat(cpu).isNotEmpty();
        assertThat(cpu).isSortedAccordingTo(Comparator.reverseOrder());
    }

    private static Duration parseClock(String clock) {
        String[] parts = clock.split("[:.]");
        return Duration.ofHours(Long.parseLong(parts[0]))
                .plusMinutes(Long.parseLong(parts[1]))
                .plusSeconds(Long.parseLong(parts[2]))
                .plusMillis(Long.parseLong(parts[3]) * 10);
    }

    @Test
    void saysWhenNothingMatches() {
        ToolResult result =
                tool.execute(new ToolCall("process_list", Map.of("filter", "no-such-process-" + UUID.randomUUID())));

        assertThat(result.ok()).isTrue();
        assertThat(result.text()).startsWith("no process has ");
    }

    @Test
    void refusesALimitOutOfRange() {
        assertThat(tool.execute(new ToolCall("process_list", Map.of("limit", "0")))
                        .text())
                .contains("limit must be between 1 and 200, got 0");
        assertThat(tool.execute(new ToolCall("process_list", Map.of("limit", "201")))
                        .ok())
                .isFalse();
    }
}

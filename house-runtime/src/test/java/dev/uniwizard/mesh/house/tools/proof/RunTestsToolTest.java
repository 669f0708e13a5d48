package dev.uniwizard.mesh.house.tools.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.uniwizard.mesh.house.config.HouseConfig;
import dev.uniwizard.mesh.house.config.HouseConfigs;
import dev.uniwizard.mesh.house.tools.ToolCall;
import dev.uniwizard.mesh.house.tools.ToolResult;
import dev.uniwizard.mesh.house.tools.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunTestsToolTest {

    @TempDir
    Path root;

    private RunTestsTool tool(String command, String... more) {
        Map<String, String> properties = new HashMap<>();
        properties.put("house.workspace.roots", root.toString());
        properties.put("house.proof.command", command);
        for (int i = 0; i < more.length; i += 2) {
            properties.put(more[i], more[i + 1]);
        }
        HouseConfig config = HouseConfigs.of(properties);
        return new RunTestsTool(config, new Workspace(config));
    }

    private static ToolResult run(RunTestsTool tool) {
        return tool.execute(new ToolCall("run_tests", Map.of()));
    }

    @Test
    void passesWhenTheCommandExitsZeroRunningInTheWorkspaceRoot() throws IOException {
        ToolResult result = run(tool("echo ok; pwd; echo to-stderr >&2"));

        assertThat(result.ok()).isTrue();
        assertThat(result.text())
                .matches(
                        "(?s)proof command `echo ok; pwd; echo to-stderr >&2` passed \\(exit code 0\\) in \\d+\\.\\ds\n.*")
                .endsWith("--- output ---\nok\n" + root.toRealPath() + "\nto-stderr");
    }

    @Test
    void failsWithTheExitCode() {
        ToolResult result = run(tool("echo broken; exit 3"));

        assertThat(result.ok()).isFalse();
        assertThat(result.text()).contains("failed (exit code 3)").endsWith("--- output ---\nbroken");
    }

    @Test
    void showsOnlyTheLastLines() {
        ToolResult result = run(tool("seq 1 100", "house.proof.output-tail-lines", "3"));

        assertThat(result.ok()).isTrue();
        assertThat(result.text()).endsWith("--- last 3 of 100 lines of output ---\n98\n99\n100");
    }

    @Test
    void killsTheWholeProcessTreeOnTimeout() throws IOException {
        RunTestsTool tool = tool("echo started; sleep 30 & echo $! > child.pid; wait", "house.proof.timeout", "1s");

        ToolResult result = run(tool);

        assertThat(result.ok()).isFalse();
        assertThat(result.text())
                .contains("timed out after 1.0s and was killed with the processes it started")
                .endsWith("--- output ---\nstarted");
        long child = Long.parseLong(Files.readString(root.resolve("child.pid")).strip());
        await().atMost(Duration.ofSeconds(5))
                .until(() ->
                        ProcessHandle.of(child).filter(ProcessHandle::isAlive).isEmpty());
    }

    @Test
    void aSleepingCommandIsStoppedAtTheTimeout() {
        long started = System.nanoTime();

        ToolResult result = run(tool("sleep 30", "house.proof.timeout", "1s"));

        assertThat(result.ok()).isFalse();
        assertThat(result.text()).contains("timed out after 1.0s").endsWith("(no output)");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aProcessLeftRunningDoesNotHoldUpTheReport() {
        long started = System.nanoTime();

        ToolResult result = run(tool("sleep 20 & echo done"));

        assertThat(result.ok()).isTrue();
        assertThat(result.text()).contains("passed (exit code 0)").endsWith("--- output ---\ndone");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void notConfiguredSaysWhatToSet() {
        HouseConfig config = HouseConfigs.of(Map.of("house.workspace.roots", root.toString()));

        ToolResult result = run(new RunTestsTool(config, new Workspace(config)));

        assertThat(result.ok()).isFalse();
        assertThat(result.text()).contains("no proof command is configured; set house.proof.command");
        assertThat(run(new RunTestsTool(Optional.of("true"), Duration.ofSeconds(5), 10, new Workspace(List.of())))
                        .text())
                .contains("this house has no workspace");
    }

    @Test
    void isReadOnlyWithTheProofTimeoutPlusAMargin() {
        RunTestsTool tool = tool("true", "house.proof.timeout", "20m");

        assertThat(tool.readOnly()).isTrue();
        assertThat(tool.parameters()).isEmpty();
        assertThat(tool.timeout()).isEqualTo(Duration.ofMinutes(20).plus(RunTestsTool.TIMEOUT_MARGIN));
    }
}

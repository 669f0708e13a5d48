package dev.uniwizard.mesh.house.tools.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.house.tools.ToolCall;
import dev.uniwizard.mesh.house.tools.ToolResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceStatusToolTest {

    @TempDir
    Path dir;

    /** A stand-in systemctl: prints {@code answer}, exits with {@code code} and records its arguments. */
    private Path systemctl(String answer, int code) throws IOException {
        Path script = dir.resolve("systemctl");
        Files.writeString(
                script,
                "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"" + dir.resolve("args") + "\"\necho '" + answer + "'\nexit "
                        + code + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private ToolResult status(ServiceStatusTool tool, String name, String... pidFile) {
        Map<String, String> args = new HashMap<>();
        args.put("name", name);
        if (pidFile.length > 0) {
            args.put("pid_file", pidFile[0]);
        }
        return tool.execute(new ToolCall("service_status", args));
    }

    @Test
    void activeWhenSystemdSaysSo() throws IOException {
        ServiceStatusTool tool = new ServiceStatusTool(Optional.of(systemctl("active", 0)), dir);

        ToolResult result = status(tool, "nginx.service");

        assertThat(result.ok()).isTrue();
        assertThat(result.text())
                .startsWith("service nginx.service is active")
                .contains("systemctl is-active nginx.service answered 'active'");
        assertThat(Files.readString(dir.resolve("args"))).isEqualTo("is-active\nnginx.service\n");
    }

    @Test
    void inactiveWhenSystemdSaysSoAndNoPidFileExists() throws IOException {
        ServiceStatusTool tool = new ServiceStatusTool(Optional.of(systemctl("failed", 3)), dir);

        ToolResult result = status(tool, "memory-svc");

        assertThat(result.ok()).isFalse();
        assertThat(result.text()).startsWith("service memory-svc is inactive").contains("answered 'failed'");
    }

    @Test
    void refusesNamesThatCouldInjectAnything() throws IOException {
        ServiceStatusTool tool = new ServiceStatusTool(Optional.of(systemctl("active", 0)), dir);

        for (String name : new String[] {"nginx; rm -rf /", "$(id)", "a b", "--all", "-H", "x\ny", "a/b"}) {
            ToolResult result = status(tool, name);

            assertThat(result.ok()).as(name).isFalse();
            assertThat(result.text()).as(name).contains("is not a valid service name");
        }
        assertThat(dir.resolve("args")).as("systemctl was never run").doesNotExist();
    }

    @Test
    void fallsBackToTheConventionalPidFileWhenSystemdDoesNotAnswer() throws IOException {
        ServiceStatusTool tool = new ServiceStatusTool(
                Optional.of(systemctl("System has not been booted with systemd as init system (PID 1).", 1)), dir);
        Files.createDirectories(dir.resolve("run/pids"));
        Files.writeString(
                dir.resolve("run/pids/ezra.pid"), ProcessHandle.current().pid() + "\n");

        ToolResult result = status(tool, "ezra");

        assertThat(result.ok()).isTrue();
        assertThat(result.text())
                .startsWith("service ezra is active")
                .contains("pid " + ProcessHandle.current().pid() + " from " + dir.resolve("run/pids/ezra.pid"))
                .contains("systemd could not be asked (System has not been booted");
    }

    @Test
    void aPidFileNamingAFinishedProcessMeansInactive() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        Path pidFile = Files.writeString(dir.resolve("svc.pid"), String.valueOf(finished.pid()));
        ServiceStatusTool tool = new ServiceStatusTool(Optional.empty(), dir);

        ToolResult result = status(tool, "svc", "svc.pid");

        assertThat(result.ok()).isFalse();
        assertThat(result.text())
                .startsWith("service svc is inactive")
                .contains("names pid " + finished.pid() + ", which is not running");
    }

    @Test
    void unknownWithoutSystemdOrPidFile() {
        ServiceStatusTool tool = new ServiceStatusTool(Optional.empty(), dir);

        ToolResult result = status(tool, "ghost");

        assertThat(result.ok()).isFalse();
        assertThat(result.text())
                .startsWith("service ghost is unknown")
                .contains("no pid file at " + dir.resolve("run/pids/ghost.pid"))
                .contains("systemctl is not installed");
    }

    @Test
    void aPidFileWithoutAPidIsUnknown() throws IOException {
        Path pidFile = Files.writeString(dir.resolve("bad.pid"), "secret contents");
        ServiceStatusTool tool = new ServiceStatusTool(Optional.empty(), dir);

        ToolResult result = status(tool, "bad", pidFile.toString());

        assertThat(result.ok()).isFalse();
        assertThat(result.text())
                .contains("is unknown", "does not hold a process id")
                .doesNotContain("secret");
    }

    @Test
    void targetIsTheServiceName() {
        assertThat(new ServiceStatusTool(Optional.empty(), dir)
                        .target(new ToolCall("service_status", Map.of("name", " nginx "))))
                .contains("nginx");
    }
}

package dev.uniwizard.mesh.house.tools.system;

import dev.uniwizard.mesh.house.tools.Tool;
import dev.uniwizard.mesh.house.tools.ToolCall;
import dev.uniwizard.mesh.house.tools.ToolParameter;
import dev.uniwizard.mesh.house.tools.ToolResult;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Tells whether a service runs: asks systemd ({@code systemctl is-active NAME}) when it answers, and otherwise reads
 * a pid file ({@code pid_file}, or {@code run/pids/NAME.pid} under the working directory) and checks that process.
 * An explicit {@code pid_file} is checked instead of systemd. Only an active service is an ok result; inactive and
 * unknown are failures, each with the evidence that led to it.
 */
@Singleton
public class ServiceStatusTool implements Tool {

    public static final String NAME = "service_status";

    private static final Pattern SERVICE_NAME = Pattern.compile("[A-Za-z0-9@._-]+");
    private static final List<String> ACTIVE_STATES = List.of("active", "reloading", "refreshing");
    private static final List<String> INACTIVE_STATES = List.of("inactive", "failed", "deactivating");
    private static final List<String> OTHER_STATES = List.of("activating", "maintenance", "unknown");
    private static final Duration SYSTEMCTL_TIMEOUT = Duration.ofSeconds(5);

    private final Optional<Path> systemctl;
    private final Path workingDir;

    @Inject
    public ServiceStatusTool() {
        this(findOnPath("systemctl"), Path.of("").toAbsolutePath());
    }

    /**
     * @param systemctl the systemctl executable, empty when the machine has none
     * @param workingDir where relative pid files and the {@code run/pids} convention start
     */
    public ServiceStatusTool(Optional<Path> systemctl, Path workingDir) {
        this.systemctl = systemctl;
        this.workingDir = workingDir.toAbsolutePath().normalize();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Tells whether a service is active, inactive or unknown, using systemd or the service's pid file,"
                + " with the evidence.";
    }

    @Override
    public List<ToolParameter> parameters() {
        return List.of(
                ToolParameter.required("name", "the service or systemd unit name, e.g. nginx or memory-svc"),
                ToolParameter.optional(
                        "pid_file",
                        "path of the service's pid file to check instead of systemd; run/pids/<name>.pid under the"
                                + " house's working directory is tried when systemd does not know the service"));
    }

    @Override
    public boolean readOnly() {
        return true;
    }

    @Override
    public Optional<String> target(ToolCall call) {
        return call.argument("name").map(String::strip);
    }

    @Override
    public Duration timeout() {
        return SYSTEMCTL_TIMEOUT.plusSeconds(10);
    }

    @Override
    public ToolResult execute(ToolCall call) {
        String name = call.required("name").strip();
        if (!SERVICE_NAME.matcher(name).matches() || name.startsWith("-")) {
            return ToolResult.failure("service_status: '" + name
                    + "' is not a valid service name (use letters, digits and @ . _ - only, not starting with -)");
        }
        if (call.argument("pid_file").isPresent()) {
            String given = call.argument("pid_file").get().strip();
            if (given.isEmpty() || given.indexOf('\0') >= 0) {
                return ToolResult.failure("service_status: pid_file is empty or not a valid path");
            }
            return report(name, fromPidFile(workingDir.resolve(given).normalize()), List.of());
        }
        List<String> evidence = new ArrayList<>();
        Optional<String> systemdState = askSystemd(name, evidence);
        if (systemdState.filter(ACTIVE_STATES::contains).isPresent()) {
            return report(name, new Finding(State.ACTIVE, evidence.removeLast()), evidence);
        }
        Path conventional = workingDir.resolve("run/pids/" + name + ".pid");
        if (Files.exists(conventional)) {
            return report(name, fromPidFile(conventional), evidence);
        }
        if (systemdState.isPresent()) {
            State state = INACTIVE_STATES.contains(systemdState.get()) ? State.INACTIVE : State.UNKNOWN;
            return report(name, new Finding(state, evidence.removeLast()), evidence);
        }
        return report(
                name,
                new Finding(State.UNKNOWN, "no pid file at " + conventional + " (pass pid_file to name another)"),
                evidence);
    }

    /** systemd's state of the unit when systemctl exists and answers; what was seen goes to {@code evidence}. */
    private Optional<String> askSystemd(String name, List<String> evidence) {
        if (systemctl.isEmpty()) {
            evidence.add("systemctl is not installed");
            return Optional.empty();
        }
        ProcessBuilder builder = new ProcessBuilder(systemctl.get().toString(), "is-active", name)
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        try {
            Process process = builder.start();
            if (!process.waitFor(SYSTEMCTL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                evidence.add("systemctl did not answer within " + SYSTEMCTL_TIMEOUT.toSeconds() + "s");
                return Optional.empty();
            }
            String output = firstLine(process.getInputStream());
            if (ACTIVE_STATES.contains(output) || INACTIVE_STATES.contains(output) || OTHER_STATES.contains(output)) {
                evidence.add("systemctl is-active " + name + " answered '" + output + "'");
                return Optional.of(output);
            }
            evidence.add("systemd could not be asked ("
                    + (output.isEmpty() ? "exit code " + process.exitValue() : output) + ")");
            return Optional.empty();
        } catch (IOException e) {
            evidence.add("systemctl could not be run (" + e.getMessage() + ")");
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            evidence.add("interrupted while asking systemd");
            return Optional.empty();
        }
    }

    private static Finding fromPidFile(Path pidFile) {
        String content;
        try (InputStream in = Files.newInputStream(pidFile)) {
            content = new String(in.readNBytes(64), StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException e) {
            return new Finding(State.UNKNOWN, "no pid file at " + pidFile);
        } catch (IOException e) {
            return new Finding(State.UNKNOWN, "pid file " + pidFile + " cannot be read (" + e.getMessage() + ")");
        }
        String first = content.isEmpty() ? "" : content.split("\\s+", 2)[0];
        if (!first.matches("\\d{1,18}")) {
            return new Finding(State.UNKNOWN, "pid file " + pidFile + " does not hold a process id");
        }
        long pid = Long.parseLong(first);
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return new Finding(
                    State.INACTIVE, "pid file " + pidFile + " names pid " + pid + ", which is not running (stale)");
        }
        String command = process.get()
                .info()
                .commandLine()
                .or(() -> process.get().info().command())
                .orElse("?");
        return new Finding(State.ACTIVE, "pid " + pid + " from " + pidFile + " is running: " + abbreviate(command));
    }

    private static ToolResult report(String name, Finding finding, List<String> context) {
        StringBuilder text = new StringBuilder("service ")
                .append(name)
                .append(" is ")
                .append(finding.state().word())
                .append("\nevidence: ")
                .append(finding.evidence());
        for (String seen : context) {
            text.append("\nalso: ").append(seen);
        }
        return finding.state() == State.ACTIVE ? ToolResult.ok(text.toString()) : ToolResult.failure(text.toString());
    }

    private static String firstLine(InputStream in) throws IOException {
        String all = new String(in.readNBytes(4096), StandardCharsets.UTF_8).strip();
        int newline = all.indexOf('\n');
        return (newline < 0 ? all : all.substring(0, newline)).strip();
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    /** The first executable called {@code command} on the PATH. */
    static Optional<Path> findOnPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, command);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private enum State {
        ACTIVE,
        INACTIVE,
        UNKNOWN;

        String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private record Finding(State state, String evidence) {}
}

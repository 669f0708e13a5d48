package dev.uniwizard.mesh.house.tools.proof;

import dev.uniwizard.mesh.house.config.HouseConfig;
import dev.uniwizard.mesh.house.tools.Tool;
import dev.uniwizard.mesh.house.tools.ToolCall;
import dev.uniwizard.mesh.house.tools.ToolParameter;
import dev.uniwizard.mesh.house.tools.ToolResult;
import dev.uniwizard.mesh.house.tools.workspace.Workspace;
import dev.uniwizard.mesh.house.tools.workspace.WorkspaceException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs the house's proof command ({@code house.proof.command}, e.g. {@code make test}) with {@code sh -c} in the
 * workspace's default root and reports whether it passed, with its exit code, duration and the last lines of its
 * output. A command still running after {@code house.proof.timeout} is killed with everything it started.
 *
 * <p>Classified read-only: it takes no input and runs only the command the operator configured, never anything a
 * caller supplies, so it may run without approval and alongside other read-only tools. A proof command that changes
 * the workspace (builds into it) is the operator's choice.
 */
@Singleton
public class RunTestsTool implements Tool {

    public static final String NAME = "run_tests";

    /** Time beyond the proof timeout for killing the process and reporting. */
    static final Duration TIMEOUT_MARGIN = Duration.ofSeconds(30);

    private static final Duration OUTPUT_GRACE = Duration.ofSeconds(5);

    private final Optional<String> command;
    private final Duration proofTimeout;
    private final int tailLines;
    private final Workspace workspace;

    @Inject
    public RunTestsTool(HouseConfig config, Workspace workspace) {
        this(config.proof().command(), config.proof().timeout(), config.proof().outputTailLines(), workspace);
    }

    public RunTestsTool(Optional<String> command, Duration proofTimeout, int tailLines, Workspace workspace) {
        this.command = command.map(String::strip).filter(c -> !c.isEmpty());
        this.proofTimeout = proofTimeout;
        this.tailLines = tailLines;
        this.workspace = workspace;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Runs the house's configured test command in the workspace and reports pass or fail with the end of"
                + " its output.";
    }

    @Override
    public List<ToolParameter> parameters() {
        return List.of();
    }

    /** True: see the class comment. */
    @Override
    public boolean readOnly() {
        return true;
    }

    @Override
    public Duration timeout() {
        return proofTimeout.plus(TIMEOUT_MARGIN);
    }

    @Override
    public ToolResult execute(ToolCall call) {
        if (command.isEmpty()) {
            return ToolResult.failure("run_tests: no proof command is configured; set house.proof.command to the"
                    + " command that proves the workspace works (e.g. make test)");
        }
        Path root;
        try {
            root = workspace.defaultRoot();
        } catch (WorkspaceException e) {
            return ToolResult.failure("run_tests: " + e.getMessage());
        }
        if (!Files.isDirectory(root)) {
            return ToolResult.failure("run_tests: the workspace root " + root + " is not a directory");
        }
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", command.get())
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        long started = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return ToolResult.failure("run_tests: could not start sh -c '" + command.get() + "': " + e.getMessage());
        }
        OutputTail tail = new OutputTail(tailLines);
        Thread reader = Thread.ofVirtual()
                .name("run_tests-output-" + process.pid())
                .start(() -> tail.drain(process.getInputStream()));
        try {
            boolean finished = process.waitFor(proofTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                killTree(process);
                finishOutput(process, reader);
                return ToolResult.failure(header(
                                "timed out after " + human(proofTimeout)
                                        + " and was killed with the processes it started",
                                started)
                        + output(tail));
            }
            finishOutput(process, reader);
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            return ToolResult.failure(header("was interrupted and killed", started) + output(tail));
        }
        int exit = process.exitValue();
        String text = header((exit == 0 ? "passed" : "failed") + " (exit code " + exit + ")", started) + output(tail);
        return exit == 0 ? ToolResult.ok(text) : ToolResult.failure(text);
    }

    private String header(String outcome, long started) {
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        return "proof command `" + command.orElseThrow() + "` " + outcome + " in " + human(took);
    }

    private String output(OutputTail tail) {
        List<String> lines = tail.lines();
        if (tail.total() == 0) {
            return "\n(no output)";
        }
        String heading = lines.size() < tail.total()
                ? "\n--- last " + lines.size() + " of " + tail.total() + " lines of output ---\n"
                : "\n--- output ---\n";
        return heading + String.join("\n", lines);
    }

    /**
     * Waits briefly for the rest of the output; if something the command left running still holds the output open,
     * stops reading so the report is not held up (what arrived so far is the tail).
     */
    private static void finishOutput(Process process, Thread reader) throws InterruptedException {
        if (!reader.join(OUTPUT_GRACE)) {
            try {
                process.getInputStream().close();
            } catch (IOException e) {
                // the reader ends on its own when the last holder of the output exits
            }
        }
    }

    /** Kills the process and everything it started (those still attached to it when we look). */
    private static void killTree(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(OUTPUT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String human(Duration duration) {
        return String.format(Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
    }
}

package dev.uniwizard.mesh.e2e.deploy;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs Prometheus' own {@code promtool} (Debian package {@code prometheus}; {@code scripts/test-tools} installs it),
 * so the configuration, the rules and their unit tests are checked by the real parser and rule engine.
 */
final class Promtool {

    /** Overrides where promtool is; otherwise it is looked for on the PATH. */
    static final String ENV = "PROMTOOL";

    private static final long TIMEOUT_SECONDS = 120;

    /** One run: the command, its exit code and its output (stdout and stderr together). */
    record Run(List<String> command, int exitCode, String output) {

        /** What to show when the run was expected to succeed. */
        String report() {
            return String.join(" ", command) + " exited " + exitCode + ":\n" + output;
        }
    }

    private Promtool() {}

    /** The promtool executable, or an error saying how to install it. */
    static Path executable() {
        return find().orElseThrow(() -> new AssertionError("promtool not found (looked at $" + ENV
                + " and on the PATH " + System.getenv("PATH") + "): install the Debian package 'prometheus'"
                + " (apt-get install --no-install-recommends prometheus), e.g. with scripts/test-tools"));
    }

    static Optional<Path> find() {
        String override = System.getenv(ENV);
        if (override != null && !override.isBlank()) {
            Path path = Path.of(override);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                Path candidate = Path.of(dir, "promtool");
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** Runs {@code promtool args...} in the repository root. */
    static Run run(String... args) {
        List<String> command = new ArrayList<>();
        command.add(executable().toString());
        command.addAll(List.of(args));
        Path output = null;
        try {
            output = Files.createTempFile("promtool", ".out");
            Process process = new ProcessBuilder(command)
                    .directory(RepoFiles.root().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not end within " + TIMEOUT_SECONDS + " s");
            }
            return new Run(command, process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + String.join(" ", command), e);
        } finally {
            if (output != null) {
                output.toFile().delete();
            }
        }
    }

    /** The paths of these files relative to the repository root, as promtool arguments. */
    static String[] relative(List<Path> files) {
        return files.stream().map(RepoFiles::show).toArray(String[]::new);
    }
}

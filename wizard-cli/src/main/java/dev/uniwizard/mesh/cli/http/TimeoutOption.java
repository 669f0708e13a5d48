package dev.uniwizard.mesh.cli.http;

import dev.uniwizard.mesh.cli.CliError;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The {@code --timeout} option of commands that wait for one mesh service. */
public final class TimeoutOption {

    @Option(
            names = "--timeout",
            paramLabel = "<seconds>",
            defaultValue = "10",
            description = "how long to wait for an answer (default: ${DEFAULT-VALUE})")
    int seconds;

    /** The timeout; below one second is refused with a message. */
    public Duration duration() {
        if (seconds <= 0) {
            throw CliError.usage("--timeout must be at least 1 second");
        }
        return Duration.ofSeconds(seconds);
    }
}

package dev.uniwizard.mesh.cli.approvals;

import dev.uniwizard.mesh.cli.CliError;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The {@code --timmy} and {@code --timeout} options every {@code wizard approvals} command shares. */
public final class TimmyOptions {

    @Option(
            names = "--timmy",
            paramLabel = "<url>",
            defaultValue = "${env:WIZARD_TIMMY_URL:-" + TimmyClient.DEFAULT_URL + "}",
            description = {"Timmy's URL (the approval authority), env WIZARD_TIMMY_URL", "default: ${DEFAULT-VALUE}"})
    String url;

    @Option(
            names = "--timeout",
            paramLabel = "<seconds>",
            defaultValue = "10",
            description = "how long to wait for Timmy (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    /** A client for Timmy; a bad {@code --timeout} or URL is refused with a message. */
    TimmyClient client() {
        if (timeoutSeconds <= 0) {
            throw CliError.usage("--timeout must be at least 1 second");
        }
        return new TimmyClient(url, Duration.ofSeconds(timeoutSeconds));
    }
}

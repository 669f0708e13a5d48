package dev.uniwizard.mesh.cli.approvals;

import dev.uniwizard.mesh.cli.http.TimeoutOption;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The {@code --timmy} and {@code --timeout} options every {@code wizard approvals} command shares. */
public final class TimmyOptions {

    @Option(
            names = "--timmy",
            paramLabel = "<url>",
            defaultValue = "${env:WIZARD_TIMMY_URL:-" + TimmyClient.DEFAULT_URL + "}",
            description = {"Timmy's URL (the approval authority), env WIZARD_TIMMY_URL", "default: ${DEFAULT-VALUE}"})
    String url;

    @Mixin
    TimeoutOption timeout;

    /** A client for Timmy; a bad {@code --timeout} or URL is refused with a message. */
    TimmyClient client() {
        return new TimmyClient(url, timeout.duration());
    }
}

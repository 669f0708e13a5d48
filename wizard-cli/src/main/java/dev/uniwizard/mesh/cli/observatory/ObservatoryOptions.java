package dev.uniwizard.mesh.cli.observatory;

import dev.uniwizard.mesh.cli.http.ObservatoryClient;
import dev.uniwizard.mesh.cli.http.TimeoutOption;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The {@code --observatory} and {@code --timeout} options of every command that asks the observatory. */
public final class ObservatoryOptions {

    public static final String ENV = "WIZARD_OBSERVATORY";

    @Option(
            names = "--observatory",
            paramLabel = "<url>",
            defaultValue = "${env:" + ENV + ":-" + ObservatoryClient.DEFAULT_URL + "}",
            description = {"observatory URL, env " + ENV, "default: ${DEFAULT-VALUE}"})
    String url;

    @Mixin
    TimeoutOption timeout;

    /** A client for the observatory; a bad {@code --timeout} or URL is refused with a message. */
    public ObservatoryClient client() {
        return new ObservatoryClient(url, timeout.duration());
    }
}

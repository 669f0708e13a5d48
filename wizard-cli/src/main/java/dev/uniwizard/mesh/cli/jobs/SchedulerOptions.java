package dev.uniwizard.mesh.cli.jobs;

import dev.uniwizard.mesh.cli.http.TimeoutOption;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The {@code --scheduler} and {@code --timeout} options every {@code wizard jobs} command shares. */
public final class SchedulerOptions {

    public static final String ENV = "WIZARD_SCHEDULER";

    @Option(
            names = "--scheduler",
            paramLabel = "<url>",
            defaultValue = "${env:" + ENV + ":-" + SchedulerClient.DEFAULT_URL + "}",
            description = {"scheduler-svc's URL, env " + ENV, "default: ${DEFAULT-VALUE}"})
    String url;

    @Mixin
    TimeoutOption timeout;

    /** A client for the scheduler; a bad {@code --timeout} or URL is refused with a message. */
    SchedulerClient client() {
        return new SchedulerClient(url, timeout.duration());
    }
}

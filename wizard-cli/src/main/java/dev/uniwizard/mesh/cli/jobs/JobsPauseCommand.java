package dev.uniwizard.mesh.cli.jobs;

import dev.uniwizard.mesh.cli.http.HttpResult;
import picocli.CommandLine.Command;

/** {@code wizard jobs pause}: stop a job firing until it is resumed. */
@Command(
        name = "pause",
        mixinStandardHelpOptions = true,
        description = "Pause a job: it does not fire until resumed (POST /api/v1/jobs/<name>/pause).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:paused", JobsCommand.REFUSED, JobsCommand.UNREACHABLE})
public final class JobsPauseCommand extends JobSwitchCommand {

    @Override
    HttpResult send(SchedulerClient client, String name, String by) {
        return client.pause(name, by);
    }

    @Override
    String done() {
        return "paused";
    }
}

package dev.uniwizard.mesh.cli.jobs;

import dev.uniwizard.mesh.cli.http.HttpResult;
import picocli.CommandLine.Command;

/** {@code wizard jobs resume}: let a paused job fire again, from now on. */
@Command(
        name = "resume",
        mixinStandardHelpOptions = true,
        description =
                "Resume a paused job; its next tick is counted from now, missed ticks are not caught up (POST /api/v1/jobs/<name>/resume).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:resumed", JobsCommand.REFUSED, JobsCommand.UNREACHABLE})
public final class JobsResumeCommand extends JobSwitchCommand {

    @Override
    HttpResult send(SchedulerClient client, String name, String by) {
        return client.resume(name, by);
    }

    @Override
    String done() {
        return "resumed";
    }
}

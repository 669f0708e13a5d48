package dev.uniwizard.mesh.cli.jobs;

import dev.uniwizard.mesh.cli.ExitCodes;
import dev.uniwizard.mesh.cli.http.OperatorOption;
import dev.uniwizard.mesh.core.jobs.JobView;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code wizard jobs resume}: let a paused job fire again, from now on. */
@Command(
        name = "resume",
        mixinStandardHelpOptions = true,
        description =
                "Resume a paused job; its next tick is counted from now, missed ticks are not caught up (POST /api/v1/jobs/<name>/resume).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:resumed", JobsCommand.REFUSED, JobsCommand.UNREACHABLE})
public final class JobsResumeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    JobName job;

    @Mixin
    OperatorOption operator;

    @Mixin
    SchedulerOptions scheduler;

    @Override
    public Integer call() {
        String name = job.value();
        String by = operator.name();
        try (SchedulerClient client = scheduler.client()) {
            JobView changed = SchedulerAnswers.read(client.resume(name, by), JobView.class);
            PrintWriter out = spec.commandLine().getOut();
            JobText.job(out, "resumed", changed);
            out.flush();
            return ExitCodes.OK;
        }
    }
}

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

/** {@code wizard jobs pause}: stop a job firing until it is resumed. */
@Command(
        name = "pause",
        mixinStandardHelpOptions = true,
        description = "Pause a job: it does not fire until resumed (POST /api/v1/jobs/<name>/pause).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:paused", JobsCommand.REFUSED, JobsCommand.UNREACHABLE})
public final class JobsPauseCommand implements Callable<Integer> {

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
            JobView changed = SchedulerAnswers.read(client.pause(name, by), JobView.class);
            PrintWriter out = spec.commandLine().getOut();
            JobText.job(out, "paused", changed);
            out.flush();
            return ExitCodes.OK;
        }
    }
}

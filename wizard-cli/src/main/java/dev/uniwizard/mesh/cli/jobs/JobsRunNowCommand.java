package dev.uniwizard.mesh.cli.jobs;

import dev.uniwizard.mesh.cli.ExitCodes;
import dev.uniwizard.mesh.cli.http.OperatorOption;
import dev.uniwizard.mesh.core.jobs.JobRunView;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code wizard jobs run-now}: fire a job once, now, paused or not; the run is recorded like any other. */
@Command(
        name = "run-now",
        mixinStandardHelpOptions = true,
        description = {
            "Fire a job once, now, even when it is paused (POST /api/v1/jobs/<name>/run).",
            "The run is recorded like a scheduled one: see it with 'wizard jobs history <name>'."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:fired", JobsCommand.REFUSED, JobsCommand.UNREACHABLE})
public final class JobsRunNowCommand implements Callable<Integer> {

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
            JobRunView run = SchedulerAnswers.read(client.runNow(name, by), JobRunView.class);
            PrintWriter out = spec.commandLine().getOut();
            out.println("fired " + JobText.run(run));
            out.println("follow it with: wizard jobs history " + name);
            out.flush();
            return ExitCodes.OK;
        }
    }
}

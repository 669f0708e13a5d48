package dev.uniwizard.mesh.cli.jobs;

import dev.uniwizard.mesh.cli.ExitCodes;
import dev.uniwizard.mesh.core.jobs.JobView;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code wizard jobs list}: every job, with its schedule, next tick and last run. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List the scheduled jobs (GET /api/v1/jobs).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed", JobsCommand.REFUSED, JobsCommand.UNREACHABLE})
public final class JobsListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SchedulerOptions scheduler;

    @Override
    public Integer call() {
        try (SchedulerClient client = scheduler.client()) {
            List<JobView> jobs = List.of(SchedulerAnswers.read(client.list(), JobView[].class));
            PrintWriter out = spec.commandLine().getOut();
            if (jobs.isEmpty()) {
                out.println("no jobs (add one with 'wizard jobs add')");
            } else {
                JobText.jobs(out, jobs);
                long paused = jobs.stream().filter(job -> !job.enabled()).count();
                out.println(jobs.size()
                        + (jobs.size() == 1 ? " job" : " jobs")
                        + (paused == 0 ? "" : ", " + paused + " paused"));
            }
            out.flush();
            return ExitCodes.OK;
        }
    }
}

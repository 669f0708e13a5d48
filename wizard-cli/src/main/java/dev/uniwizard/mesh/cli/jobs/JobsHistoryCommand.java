package dev.uniwizard.mesh.cli.jobs;

import dev.uniwizard.mesh.cli.ExitCodes;
import dev.uniwizard.mesh.core.jobs.JobRunView;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code wizard jobs history}: a job's runs, newest first. */
@Command(
        name = "history",
        mixinStandardHelpOptions = true,
        description = "A job's runs, newest first (GET /api/v1/jobs/<name>/runs).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed", JobsCommand.REFUSED, JobsCommand.UNREACHABLE})
public final class JobsHistoryCommand implements Callable<Integer> {

    static final int MAX_LIMIT = 500;

    @Spec
    CommandSpec spec;

    @Mixin
    JobName job;

    @Option(
            names = "--limit",
            paramLabel = "<n>",
            defaultValue = "20",
            description = "at most this many runs, 1-" + MAX_LIMIT + " (default: ${DEFAULT-VALUE})")
    int limit;

    @Mixin
    SchedulerOptions scheduler;

    @Override
    public Integer call() {
        String name = job.value();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ParameterException(
                    spec.commandLine(), "--limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        try (SchedulerClient client = scheduler.client()) {
            List<JobRunView> runs = List.of(SchedulerAnswers.read(client.runs(name, limit), JobRunView[].class));
            PrintWriter out = spec.commandLine().getOut();
            if (runs.isEmpty()) {
                out.println("job " + name + " has not run yet");
            } else {
                JobText.runs(out, runs);
                out.println(runs.size() + (runs.size() == 1 ? " run" : " runs") + " of " + name
                        + (runs.size() == limit ? " (the newest " + limit + "; see more with --limit)" : ""));
            }
            out.flush();
            return ExitCodes.OK;
        }
    }
}

package dev.uniwizard.mesh.cli.jobs;

import dev.uniwizard.mesh.cli.ExitCodes;
import dev.uniwizard.mesh.cli.http.HttpResult;
import dev.uniwizard.mesh.cli.http.OperatorOption;
import dev.uniwizard.mesh.core.jobs.JobView;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What {@code wizard jobs pause} and {@code resume} share: one POST for a named job, answered with the job. */
abstract class JobSwitchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    JobName job;

    @Mixin
    OperatorOption operator;

    @Mixin
    SchedulerOptions scheduler;

    /** The request, e.g. {@code client.pause(name, by)}. */
    abstract HttpResult send(SchedulerClient client, String name, String by);

    /** The word printed before the job, e.g. {@code paused}. */
    abstract String done();

    @Override
    public Integer call() {
        String name = job.value();
        String by = operator.name();
        try (SchedulerClient client = scheduler.client()) {
            JobView changed = SchedulerAnswers.read(send(client, name, by), JobView.class);
            PrintWriter out = spec.commandLine().getOut();
            JobText.job(out, done(), changed);
            out.flush();
            return ExitCodes.OK;
        }
    }
}

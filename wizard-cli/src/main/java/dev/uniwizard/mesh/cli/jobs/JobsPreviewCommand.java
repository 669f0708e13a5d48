package dev.uniwizard.mesh.cli.jobs;

import dev.uniwizard.mesh.cli.ExitCodes;
import dev.uniwizard.mesh.core.jobs.JobSchedule;
import dev.uniwizard.mesh.core.jobs.SchedulePreview;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code wizard jobs preview}: check a schedule and see its next five fire times, without creating a job. */
@Command(
        name = "preview",
        mixinStandardHelpOptions = true,
        description = {
            "Check a schedule and show its next 5 fire times, without creating a job (POST /api/v1/jobs/preview).",
            "Example: wizard jobs preview --cron \"30 2 * * SUN\" --zone Europe/Berlin"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:valid",
            "1:the scheduler refused the schedule (it says which field is wrong)",
            JobsCommand.UNREACHABLE
        })
public final class JobsPreviewCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ScheduleOptions schedule;

    @Mixin
    SchedulerOptions scheduler;

    @Override
    public Integer call() {
        JobSchedule checked = schedule.schedule();
        try (SchedulerClient client = scheduler.client()) {
            SchedulePreview preview = SchedulerAnswers.read(client.preview(checked), SchedulePreview.class);
            PrintWriter out = spec.commandLine().getOut();
            out.println(preview.description());
            JobText.fireTimes(out, preview.nextFireTimes(), "next fire times:");
            out.flush();
            return ExitCodes.OK;
        }
    }
}

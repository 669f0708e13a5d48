package dev.uniwizard.mesh.cli.jobs;

import dev.uniwizard.mesh.cli.text.TextTable;
import dev.uniwizard.mesh.cli.text.Times;
import dev.uniwizard.mesh.core.jobs.JobDelivery;
import dev.uniwizard.mesh.core.jobs.JobRunView;
import dev.uniwizard.mesh.core.jobs.JobSchedule;
import dev.uniwizard.mesh.core.jobs.JobSpec;
import dev.uniwizard.mesh.core.jobs.JobTarget;
import dev.uniwizard.mesh.core.jobs.JobView;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** How jobs and their runs look on the terminal: a block for one job, tables for many jobs and for runs. */
final class JobText {

    static final int MAX_CELL = 60;

    private JobText() {}

    /** The job, its policies and its next fire times, under a first line such as {@code created job x (enabled)}. */
    static void job(PrintWriter out, String headline, JobView job) {
        JobSpec spec = job.spec();
        out.println(headline + " job " + spec.name() + " (" + state(job) + ")");
        field(out, "schedule", schedule(spec.schedule()));
        field(out, "target", target(spec.target()));
        field(out, "delivery", delivery(spec.delivery()));
        field(out, "policies", policies(spec));
        if (job.lastRun() != null) {
            field(out, "last run", lastRun(job.lastRun()));
        }
        fireTimes(out, job.nextFireTimes(), job.enabled() ? "next fire times:" : "next fire times once resumed:");
    }

    private static void field(PrintWriter out, String label, String value) {
        out.println(String.format(Locale.ROOT, "  %-9s %s", label, value == null ? "-" : value));
    }

    /** The upcoming ticks, one a line; for event schedules a line that says they have none. */
    static void fireTimes(PrintWriter out, List<String> times, String heading) {
        if (times == null || times.isEmpty()) {
            out.println("no fire times: it fires on events");
            return;
        }
        out.println(heading);
        times.forEach(time -> out.println("  " + time));
    }

    static void jobs(PrintWriter out, List<JobView> jobs) {
        TextTable table = new TextTable("NAME", "STATE", "SCHEDULE", "TARGET", "DELIVERY", "NEXT", "LAST RUN");
        for (JobView job : jobs) {
            JobSpec spec = job.spec();
            table.row(
                    spec.name(),
                    state(job),
                    schedule(spec.schedule()),
                    cell(target(spec.target())),
                    delivery(spec.delivery()),
                    Times.seconds(job.nextFireAt()),
                    job.lastRun() == null ? null : lastRun(job.lastRun()));
        }
        table.print(out);
    }

    static void runs(PrintWriter out, List<JobRunView> runs) {
        TextTable table = new TextTable("SCHEDULED", "FIRED", "NODE", "OUTCOME", "DURATION", "DELIVERY", "DETAIL");
        for (JobRunView run : runs) {
            table.row(
                    Times.seconds(run.scheduledFor()),
                    Times.seconds(run.firedAt()),
                    run.node(),
                    run.outcome(),
                    duration(run.durationMs()),
                    run.deliveryStatus(),
                    cell(run.detail()));
        }
        table.print(out);
    }

    /** {@code run 42 of daily-report: running (task 0190...)}. */
    static String run(JobRunView run) {
        return "run " + run.id() + " of " + run.job() + ": " + run.outcome()
                + (run.taskId() == null ? "" : " (task " + run.taskId() + ")")
                + (run.detail() == null || run.detail().isBlank() ? "" : ": " + oneLine(run.detail()));
    }

    static String state(JobView job) {
        return job.enabled() ? "enabled" : "paused";
    }

    /** {@code cron "0 9 * * MON-FRI" in Europe/Berlin}, {@code every 30 s}, {@code on mesh.events.x where /a = b}. */
    static String schedule(JobSchedule schedule) {
        if (schedule == null) {
            return null;
        }
        if (schedule.cron() != null) {
            return "cron \"" + schedule.cron() + "\" in " + (schedule.zone() == null ? "UTC" : schedule.zone());
        }
        if (schedule.everySeconds() != null) {
            return "every " + schedule.everySeconds() + " s";
        }
        if (schedule.event() != null) {
            Map<String, String> match = schedule.event().match();
            return "on " + schedule.event().subject()
                    + (match == null || match.isEmpty()
                            ? ""
                            : " where "
                                    + match.entrySet().stream()
                                            .map(e -> e.getKey() + " = " + e.getValue())
                                            .collect(Collectors.joining(" and ")));
        }
        return null;
    }

    /** {@code ezra: prompt "..."} or {@code ezra: /tool disk_usage path=/srv}. */
    static String target(JobTarget target) {
        if (target == null) {
            return null;
        }
        if (target.tool() != null) {
            String args = target.args() == null
                    ? ""
                    : target.args().entrySet().stream()
                            .map(e -> " " + e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining());
            return target.house() + ": /tool " + target.tool() + args;
        }
        return target.house() + ": prompt \"" + oneLine(target.prompt()) + "\"";
    }

    /** {@code telegram:123456}, {@code slack:C024BE91L:1712345.6789}, or {@code none}. */
    static String delivery(JobDelivery delivery) {
        if (delivery == null) {
            return "none";
        }
        return delivery.platform() + ":" + delivery.chat() + (delivery.thread() == null ? "" : ":" + delivery.thread());
    }

    static String policies(JobSpec spec) {
        return "misfire " + spec.misfirePolicy() + ", overlap " + spec.overlapPolicy() + ", max run "
                + spec.maxRunSeconds() + " s";
    }

    static String lastRun(JobRunView run) {
        return run.outcome() + " " + Times.seconds(run.scheduledFor());
    }

    /** {@code 850 ms}, {@code 12.3 s}, {@code 3m 05s}. */
    static String duration(Long ms) {
        if (ms == null || ms < 0) {
            return null;
        }
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        long s = ms / 1000;
        return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
    }

    static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    /** One line of at most {@link #MAX_CELL} characters, for table cells. */
    static String cell(String text) {
        String line = oneLine(text);
        return line.length() <= MAX_CELL ? line : line.substring(0, MAX_CELL - 3) + "...";
    }
}

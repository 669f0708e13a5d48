package dev.uniwizard.mesh.cli.jobs;

import dev.uniwizard.mesh.core.jobs.JobSchedule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * When a job fires: {@code --cron <expr> [--zone Z]}, {@code --every <seconds>} or {@code --on <subject> [--match
 * /ptr=value]...}, exactly one. The expression itself is checked by the scheduler, which says which field is wrong.
 */
public final class ScheduleOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(
            names = "--cron",
            paramLabel = "<expr>",
            description = "a cron expression: 5 fields (min hour day-of-month month day-of-week), or 6 with seconds"
                    + " first; quote it, e.g. \"0 9 * * MON-FRI\"")
    String cron;

    @Option(
            names = "--zone",
            paramLabel = "<zone>",
            description = "the IANA time zone the cron expression is read in, e.g. Europe/Berlin (default: UTC)")
    String zone;

    @Option(names = "--every", paramLabel = "<seconds>", description = "a fixed interval, in seconds (at least 1)")
    Long everySeconds;

    @Option(
            names = "--on",
            paramLabel = "<subject>",
            description = "fire on each event on this NATS subject filter, e.g. mesh.events.deadletter")
    String subject;

    @Option(
            names = "--match",
            paramLabel = "/ptr=value",
            description = "with --on: only events whose payload has this value at this JSON pointer; repeatable,"
                    + " all must match")
    List<String> matches;

    /** The schedule; refused with a message unless exactly one kind is given and its options fit. */
    JobSchedule schedule() {
        List<String> kinds = new ArrayList<>();
        if (cron != null) {
            kinds.add("--cron");
        }
        if (everySeconds != null) {
            kinds.add("--every");
        }
        if (subject != null) {
            kinds.add("--on");
        }
        if (kinds.size() != 1) {
            throw fail(
                    kinds.isEmpty()
                            ? "say when the job fires: --cron \"<expr>\" [--zone <zone>], --every <seconds> or --on <subject>"
                            : "give only one of " + String.join(", ", kinds) + ": a job has one schedule");
        }
        if (zone != null && cron == null) {
            throw fail("--zone goes with --cron only (intervals and events have no time zone)");
        }
        if (matches != null && subject == null) {
            throw fail("--match goes with --on only");
        }
        if (cron != null) {
            return new JobSchedule(
                    required("--cron", cron), zone == null ? null : required("--zone", zone), null, null);
        }
        if (everySeconds != null) {
            if (everySeconds < 1) {
                throw fail("--every must be at least 1 second, got " + everySeconds);
            }
            return new JobSchedule(null, null, everySeconds, null);
        }
        return new JobSchedule(null, null, null, new JobSchedule.EventTrigger(required("--on", subject), matchMap()));
    }

    private Map<String, String> matchMap() {
        if (matches == null) {
            return null;
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (String match : matches) {
            int equals = match.indexOf('=');
            if (!match.startsWith("/") || equals < 2) {
                throw fail("--match must be a JSON pointer, '=' and the value, e.g. /reason=max_deliver; got '" + match
                        + "'");
            }
            String pointer = match.substring(0, equals);
            if (map.put(pointer, match.substring(equals + 1)) != null) {
                throw fail("--match names " + pointer + " twice");
            }
        }
        return map;
    }

    private String required(String option, String value) {
        if (value.isBlank()) {
            throw fail(option + " is empty");
        }
        return value.strip();
    }

    private ParameterException fail(String message) {
        return new ParameterException(command.commandLine(), message);
    }
}

package dev.uniwizard.mesh.scheduler.validation;

import dev.uniwizard.mesh.core.jobs.JobDelivery;
import dev.uniwizard.mesh.core.jobs.JobSchedule;
import dev.uniwizard.mesh.core.jobs.JobSpec;
import dev.uniwizard.mesh.core.jobs.JobTarget;
import dev.uniwizard.mesh.core.platform.Platforms;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.scheduler.schedule.CronSchedule;
import dev.uniwizard.mesh.scheduler.schedule.EventSchedule;
import dev.uniwizard.mesh.scheduler.schedule.IntervalSchedule;
import dev.uniwizard.mesh.scheduler.schedule.Schedule;
import dev.uniwizard.mesh.scheduler.schedule.ScheduleException;
import dev.uniwizard.mesh.scheduler.schedule.Schedules;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The rules a job must follow before it is stored, checked in one place for the HTTP API (create, replace) and the
 * preview. {@link #normalize} fills in the defaults, so that what is stored and shown is what will run, and rejects
 * anything else with the field that is wrong and what is expected: a job that was accepted must not fail at firing
 * time for a reason that could have been seen here. Pure and thread-safe.
 */
public final class JobRules {

    /** Job names: 1-64 of {@code [a-z0-9_-]}, starting with a letter or digit (they become a conversation id). */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    /** Tool names and argument keys: what the houses' {@code /tool} command and tool registry accept. */
    public static final Pattern TOOL_WORD = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    public static final int MAX_PROMPT_CHARS = 16_000;
    public static final int MAX_ARGS = 32;
    public static final int MAX_ARG_VALUE_CHARS = 4_000;
    public static final int MAX_ADDRESS_CHARS = 256;
    public static final long MAX_RUN_SECONDS_LIMIT = 86_400;

    /** Platforms whose answers are not delivered anywhere a job could name. */
    private static final Set<String> NOT_DELIVERABLE =
            Set.of(Platforms.HTTP, Platforms.OPENAI, Platforms.MESH, Platforms.SCHEDULER);

    private static final Set<String> MISFIRE_POLICIES = Set.of(JobSpec.MISFIRE_RUN_ONCE, JobSpec.MISFIRE_SKIP);
    private static final Set<String> OVERLAP_POLICIES =
            Set.of(JobSpec.OVERLAP_SKIP, JobSpec.OVERLAP_QUEUE, JobSpec.OVERLAP_ALLOW);

    private JobRules() {}

    /**
     * Checks a job and returns it with the defaults filled in: enabled {@code true}, misfire policy
     * {@code run_once}, max run time 600 s, overlap policy {@code skip}, zone {@code UTC} for cron schedules; policies
     * are lower-cased and the zone is written as its canonical id.
     *
     * @param houses the houses a job may target
     * @throws JobSpecException naming the first field that is wrong
     */
    public static JobSpec normalize(JobSpec spec, Set<String> houses) throws JobSpecException {
        if (spec == null) {
            throw new JobSpecException("job", "the job is missing: give name, schedule and target");
        }
        String name = name(spec.name());
        JobSchedule schedule = schedule(spec.schedule());
        JobTarget target = target(spec.target(), houses);
        JobDelivery delivery = delivery(spec.delivery());
        boolean enabled = spec.enabled() == null || spec.enabled();
        String misfire = policy(
                "misfirePolicy",
                "a misfire policy",
                spec.misfirePolicy(),
                JobSpec.MISFIRE_RUN_ONCE,
                MISFIRE_POLICIES,
                "run_once (fire once after downtime) or skip (record missed ticks)");
        long maxRunSeconds = maxRunSeconds(spec.maxRunSeconds());
        String overlap = policy(
                "overlapPolicy",
                "an overlap policy",
                spec.overlapPolicy(),
                JobSpec.OVERLAP_SKIP,
                OVERLAP_POLICIES,
                "skip, queue or allow");
        return new JobSpec(name, schedule, target, delivery, enabled, misfire, maxRunSeconds, overlap);
    }

    /**
     * Parses the schedule of a job, with the error as a {@link JobSpecException} (for the preview endpoint, which checks
     * only the schedule).
     */
    public static Schedule parseSchedule(JobSchedule schedule) throws JobSpecException {
        try {
            return Schedules.parse(schedule);
        } catch (ScheduleException e) {
            throw new JobSpecException(e.field(), e.getMessage());
        }
    }

    private static String name(String name) throws JobSpecException {
        if (name == null || name.isBlank()) {
            throw new JobSpecException(
                    "name", "the name is missing: use 1-64 lower-case letters, digits, '_' or '-', e.g. daily-report");
        }
        if (!NAME.matcher(name).matches()) {
            throw new JobSpecException(
                    "name",
                    "'" + name + "' is not a valid job name: use 1-64 lower-case letters, digits, '_' or '-', "
                            + "starting with a letter or digit, e.g. daily-report");
        }
        return name;
    }

    private static JobSchedule schedule(JobSchedule schedule) throws JobSpecException {
        Schedule parsed = parseSchedule(schedule);
        return switch (parsed) {
            case CronSchedule cron -> new JobSchedule(cron.cron(), cron.zone().getId(), null, null);
            case IntervalSchedule interval -> new JobSchedule(null, null, interval.everySeconds(), null);
            case EventSchedule event ->
                new JobSchedule(
                        null,
                        null,
                        null,
                        new JobSchedule.EventTrigger(
                                event.subject(),
                                event.match().isEmpty()
                                        ? null
                                        : new LinkedHashMap<>(schedule.event().match())));
        };
    }

    private static JobTarget target(JobTarget target, Set<String> houses) throws JobSpecException {
        if (target == null) {
            throw new JobSpecException(
                    "target", "the target is missing: give a house and either a prompt or a tool (with args)");
        }
        String house = house(target.house(), houses);
        boolean hasPrompt = target.prompt() != null;
        boolean hasTool = target.tool() != null;
        if (hasPrompt && hasTool) {
            throw new JobSpecException("target", "the target has both a prompt and a tool: give exactly one of them");
        }
        if (!hasPrompt && !hasTool) {
            throw new JobSpecException(
                    "target", "the target has neither a prompt nor a tool: give exactly one of them");
        }
        if (hasPrompt) {
            if (target.args() != null && !target.args().isEmpty()) {
                throw new JobSpecException(
                        "target.args", "args only go with a tool; a prompt target takes no args: remove them");
            }
            return new JobTarget(house, prompt(target.prompt()), null, null);
        }
        return new JobTarget(house, null, tool(target.tool()), args(target.args()));
    }

    private static String house(String house, Set<String> houses) throws JobSpecException {
        String known = houses == null || houses.isEmpty()
                ? "no houses are configured"
                : "known houses are " + String.join(", ", new TreeSet<>(houses));
        if (house == null || house.isBlank()) {
            throw new JobSpecException("target.house", "the house is missing: " + known);
        }
        if (!Subjects.isToken(house) || houses == null || !houses.contains(house)) {
            throw new JobSpecException("target.house", "unknown house '" + house + "': " + known);
        }
        return house;
    }

    private static String prompt(String prompt) throws JobSpecException {
        if (prompt.isBlank()) {
            throw new JobSpecException("target.prompt", "the prompt is empty: write what the house should do");
        }
        if (prompt.length() > MAX_PROMPT_CHARS) {
            throw new JobSpecException(
                    "target.prompt",
                    "the prompt is " + prompt.length() + " characters long, at most " + MAX_PROMPT_CHARS);
        }
        return prompt;
    }

    private static String tool(String tool) throws JobSpecException {
        if (!TOOL_WORD.matcher(tool).matches()) {
            throw new JobSpecException(
                    "target.tool",
                    "'" + tool + "' is not a valid tool name: use 1-64 lower-case letters, digits or '_', "
                            + "starting with a letter, e.g. disk_usage");
        }
        return tool;
    }

    private static Map<String, String> args(Map<String, String> args) throws JobSpecException {
        Map<String, String> checked = new LinkedHashMap<>();
        if (args == null) {
            return checked;
        }
        if (args.size() > MAX_ARGS) {
            throw new JobSpecException("target.args", "there are " + args.size() + " args, at most " + MAX_ARGS);
        }
        for (Map.Entry<String, String> arg : args.entrySet()) {
            String key = arg.getKey();
            if (key == null || !TOOL_WORD.matcher(key).matches()) {
                throw new JobSpecException(
                        "target.args",
                        "'" + key + "' is not a valid argument name: use 1-64 lower-case letters, digits or '_', "
                                + "starting with a letter");
            }
            String value = arg.getValue();
            String field = "target.args." + key;
            if (value == null) {
                throw new JobSpecException(field, "the value is missing: give a text (it may be empty)");
            }
            if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                throw new JobSpecException(field, "the value contains a line break: tool arguments are one line");
            }
            if (value.length() > MAX_ARG_VALUE_CHARS) {
                throw new JobSpecException(
                        field, "the value is " + value.length() + " characters long, at most " + MAX_ARG_VALUE_CHARS);
            }
            checked.put(key, value);
        }
        return checked;
    }

    private static JobDelivery delivery(JobDelivery delivery) throws JobSpecException {
        if (delivery == null) {
            return null;
        }
        String platform = delivery.platform();
        if (platform == null || platform.isBlank()) {
            throw new JobSpecException(
                    "delivery.platform",
                    "the platform is missing: give e.g. telegram, slack, discord or gitea, or leave out delivery to "
                            + "only record the answer");
        }
        if (!Subjects.isToken(platform)) {
            throw new JobSpecException(
                    "delivery.platform",
                    "'" + platform + "' is not a valid platform name: use lower-case letters, digits, '_' or '-', "
                            + "e.g. telegram");
        }
        if (NOT_DELIVERABLE.contains(platform)) {
            throw new JobSpecException(
                    "delivery.platform",
                    "answers cannot be delivered to '" + platform + "': give e.g. telegram, slack, discord or gitea, "
                            + "or leave out delivery to only record the answer");
        }
        String chat = address("delivery.chat", "chat", delivery.chat());
        if (chat == null) {
            throw new JobSpecException(
                    "delivery.chat", "the chat is missing: give the chat, channel or owner/repo to deliver to");
        }
        String thread = address("delivery.thread", "thread", delivery.thread());
        return new JobDelivery(platform, chat, thread);
    }

    private static String address(String field, String what, String value) throws JobSpecException {
        if (value == null) {
            return null;
        }
        if (value.isBlank()) {
            throw new JobSpecException(field, "the " + what + " is empty: give one or leave it out");
        }
        if (value.length() > MAX_ADDRESS_CHARS) {
            throw new JobSpecException(
                    field, "the " + what + " is " + value.length() + " characters long, at most " + MAX_ADDRESS_CHARS);
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new JobSpecException(
                        field,
                        "the " + what + " '" + value.strip() + "' contains a control character (e.g. a line "
                                + "break): give it as one line of text");
            }
        }
        return value;
    }

    private static String policy(
            String field, String what, String value, String fallback, Set<String> allowed, String expected)
            throws JobSpecException {
        if (value == null) {
            return fallback;
        }
        String policy = value.trim().toLowerCase(Locale.ROOT);
        if (!allowed.contains(policy)) {
            throw new JobSpecException(field, "'" + value + "' is not " + what + ": use " + expected);
        }
        return policy;
    }

    private static long maxRunSeconds(Long value) throws JobSpecException {
        if (value == null) {
            return JobSpec.DEFAULT_MAX_RUN_SECONDS;
        }
        if (value < 1 || value > MAX_RUN_SECONDS_LIMIT) {
            throw new JobSpecException(
                    "maxRunSeconds",
                    value + " is out of range: a run may take 1 to " + MAX_RUN_SECONDS_LIMIT + " seconds (24 h); "
                            + "default " + JobSpec.DEFAULT_MAX_RUN_SECONDS);
        }
        return value;
    }
}

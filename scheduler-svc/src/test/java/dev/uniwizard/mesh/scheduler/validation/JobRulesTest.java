package dev.uniwizard.mesh.scheduler.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.core.jobs.JobDelivery;
import dev.uniwizard.mesh.core.jobs.JobSchedule;
import dev.uniwizard.mesh.core.jobs.JobSchedule.EventTrigger;
import dev.uniwizard.mesh.core.jobs.JobSpec;
import dev.uniwizard.mesh.core.jobs.JobTarget;
import dev.uniwizard.mesh.scheduler.schedule.CronSchedule;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class JobRulesTest {

    private static final Set<String> HOUSES = Set.of("ezra", "bezalel", "timmy");
    private static final JobSchedule DAILY = new JobSchedule("0 9 * * *", null, null, null);
    private static final JobTarget PROMPT = new JobTarget("ezra", "Summarise yesterday's dead letters", null, null);
    private static final JobSpec MINIMAL = new JobSpec("daily-report", DAILY, PROMPT, null, null, null, null, null);

    @Test
    void fillsInTheDefaults() throws Exception {
        JobSpec normalized = JobRules.normalize(MINIMAL, HOUSES);

        assertThat(normalized)
                .isEqualTo(new JobSpec(
                        "daily-report",
                        new JobSchedule("0 9 * * *", "UTC", null, null),
                        PROMPT,
                        null,
                        true,
                        JobSpec.MISFIRE_RUN_ONCE,
                        600L,
                        JobSpec.OVERLAP_SKIP));
        assertThat(JobRules.normalize(normalized, HOUSES)).as("idempotent").isEqualTo(normalized);
    }

    @Test
    void keepsWhatWasGivenAndNormalizesSpelling() throws Exception {
        JobSpec spec = new JobSpec(
                "db_backup-2",
                new JobSchedule("  30 2 * * *  ", "Europe/Berlin", null, null),
                new JobTarget("bezalel", null, "disk_usage", Map.of("path", "/var/lib")),
                new JobDelivery("telegram", "123456", "7"),
                false,
                " SKIP ",
                60L,
                "Queue");

        JobSpec normalized = JobRules.normalize(spec, HOUSES);

        assertThat(normalized.schedule()).isEqualTo(new JobSchedule("30 2 * * *", "Europe/Berlin", null, null));
        assertThat(normalized.target())
                .isEqualTo(new JobTarget("bezalel", null, "disk_usage", Map.of("path", "/var/lib")));
        assertThat(normalized.delivery()).isEqualTo(new JobDelivery("telegram", "123456", "7"));
        assertThat(normalized.enabled()).isFalse();
        assertThat(normalized.misfirePolicy()).isEqualTo("skip");
        assertThat(normalized.maxRunSeconds()).isEqualTo(60L);
        assertThat(normalized.overlapPolicy()).isEqualTo("queue");
    }

    @Test
    void intervalAndEventSchedulesHaveNoZone() throws Exception {
        JobSpec every = JobRules.normalize(with(s -> schedule(s, new JobSchedule(null, null, 1L, null))), HOUSES);
        assertThat(every.schedule()).isEqualTo(new JobSchedule(null, null, 1L, null));

        Map<String, String> match = new LinkedHashMap<>();
        match.put("/reason", "max_deliver");
        JobSpec onEvent = JobRules.normalize(
                with(s -> schedule(
                        s, new JobSchedule(null, null, null, new EventTrigger("mesh.events.deadletter", match)))),
                HOUSES);
        assertThat(onEvent.schedule().event()).isEqualTo(new EventTrigger("mesh.events.deadletter", match));
        assertThat(onEvent.schedule().zone()).isNull();

        JobSpec emptyMatch = JobRules.normalize(
                with(s -> schedule(s, new JobSchedule(null, null, null, new EventTrigger("mesh.events.>", Map.of())))),
                HOUSES);
        assertThat(emptyMatch.schedule().event()).isEqualTo(new EventTrigger("mesh.events.>", null));
    }

    @Test
    void names() {
        assertError(with(s -> named(s, null)), "name").startsWith("the name is missing");
        assertError(with(s -> named(s, "Daily Report")), "name")
                .isEqualTo("'Daily Report' is not a valid job name: use 1-64 lower-case letters, digits, '_' or '-', "
                        + "starting with a letter or digit, e.g. daily-report");
        assertError(with(s -> named(s, "-x")), "name").contains("starting with a letter or digit");
        assertError(with(s -> named(s, "x".repeat(65))), "name").contains("1-64");
        assertError(null, "job").isEqualTo("the job is missing: give name, schedule and target");
    }

    @Test
    void scheduleErrorsKeepTheirField() {
        assertError(with(s -> schedule(s, null)), "schedule").startsWith("the schedule is missing");
        assertError(with(s -> schedule(s, new JobSchedule("0 9 * * FUNDAY", null, null, null))), "schedule.cron")
                .startsWith("the day-of-week field 'FUNDAY' is not a number 0-7");
        assertError(with(s -> schedule(s, new JobSchedule("0 9 * * *", "Europe/Berlim", null, null))), "schedule.zone")
                .startsWith("unknown time zone 'Europe/Berlim'");
        assertError(with(s -> schedule(s, new JobSchedule(null, null, 0L, null))), "schedule.everySeconds")
                .contains("at least 1 second");
    }

    @Test
    void targets() {
        assertError(with(s -> target(s, null)), "target").startsWith("the target is missing");
        assertError(with(s -> target(s, new JobTarget(null, "hi", null, null))), "target.house")
                .isEqualTo("the house is missing: known houses are bezalel, ezra, timmy");
        assertError(with(s -> target(s, new JobTarget("ezraa", "hi", null, null))), "target.house")
                .isEqualTo("unknown house 'ezraa': known houses are bezalel, ezra, timmy");
        assertError(with(s -> target(s, new JobTarget("ezra", "hi", "disk_usage", null))), "target")
                .isEqualTo("the target has both a prompt and a tool: give exactly one of them");
        assertError(with(s -> target(s, new JobTarget("ezra", null, null, null))), "target")
                .isEqualTo("the target has neither a prompt nor a tool: give exactly one of them");
        assertError(with(s -> target(s, new JobTarget("ezra", "  ", null, null))), "target.prompt")
                .startsWith("the prompt is empty");
        assertError(with(s -> target(s, new JobTarget("ezra", "x".repeat(16_001), null, null))), "target.prompt")
                .isEqualTo("the prompt is 16001 characters long, at most 16000");
        assertError(with(s -> target(s, new JobTarget("ezra", "hi", null, Map.of("a", "b")))), "target.args")
                .startsWith("args only go with a tool");
    }

    @Test
    void unknownHouseWhenNoneAreConfigured() {
        try {
            JobRules.normalize(MINIMAL, Set.of());
        } catch (JobSpecException e) {
            assertThat(e.withField()).isEqualTo("target.house: unknown house 'ezra': no houses are configured");
            return;
        }
        throw new AssertionError("accepted");
    }

    @Test
    void toolNamesAndArguments() throws Exception {
        assertError(with(s -> target(s, tool("Disk-Usage", Map.of()))), "target.tool")
                .isEqualTo("'Disk-Usage' is not a valid tool name: use 1-64 lower-case letters, digits or '_', "
                        + "starting with a letter, e.g. disk_usage");
        assertError(with(s -> target(s, tool("", Map.of()))), "target.tool").contains("not a valid tool name");
        assertError(with(s -> target(s, tool("disk_usage", Map.of("Path", "/")))), "target.args")
                .isEqualTo("'Path' is not a valid argument name: use 1-64 lower-case letters, digits or '_', "
                        + "starting with a letter");
        assertError(with(s -> target(s, tool("disk_usage", Map.of("path", "/a\n/b")))), "target.args.path")
                .isEqualTo("the value contains a line break: tool arguments are one line");
        assertError(with(s -> target(s, tool("disk_usage", Map.of("path", "/a\r")))), "target.args.path")
                .contains("line break");
        Map<String, String> nullValue = new LinkedHashMap<>();
        nullValue.put("path", null);
        assertError(with(s -> target(s, tool("disk_usage", nullValue))), "target.args.path")
                .startsWith("the value is missing");

        JobSpec noArgs = JobRules.normalize(with(s -> target(s, tool("uptime", null))), HOUSES);
        assertThat(noArgs.target().args()).isEmpty();
        JobSpec spaced =
                JobRules.normalize(with(s -> target(s, tool("echo", Map.of("text", "a \"quoted\" b")))), HOUSES);
        assertThat(spaced.target().args()).containsEntry("text", "a \"quoted\" b");
    }

    @Test
    void deliveries() throws Exception {
        assertError(with(s -> delivery(s, new JobDelivery(null, "1", null))), "delivery.platform")
                .startsWith("the platform is missing");
        assertError(with(s -> delivery(s, new JobDelivery("Tele gram", "1", null))), "delivery.platform")
                .startsWith("'Tele gram' is not a valid platform name");
        assertError(with(s -> delivery(s, new JobDelivery("http", "1", null))), "delivery.platform")
                .startsWith("answers cannot be delivered to 'http'");
        assertError(with(s -> delivery(s, new JobDelivery("scheduler", "1", null))), "delivery.platform")
                .contains("leave out delivery to only record the answer");
        assertError(with(s -> delivery(s, new JobDelivery("slack", null, null))), "delivery.chat")
                .startsWith("the chat is missing");
        assertError(with(s -> delivery(s, new JobDelivery("slack", " ", null))), "delivery.chat")
                .isEqualTo("the chat is empty: give one or leave it out");
        assertError(with(s -> delivery(s, new JobDelivery("slack", "C1\nC2", null))), "delivery.chat")
                .contains("contains a control character");
        assertError(with(s -> delivery(s, new JobDelivery("slack", "C1", ""))), "delivery.thread")
                .isEqualTo("the thread is empty: give one or leave it out");
        assertError(with(s -> delivery(s, new JobDelivery("slack", "C".repeat(257), null))), "delivery.chat")
                .contains("at most 256");

        JobSpec gitea =
                JobRules.normalize(with(s -> delivery(s, new JobDelivery("gitea", "wizards/mesh", "12"))), HOUSES);
        assertThat(gitea.delivery()).isEqualTo(new JobDelivery("gitea", "wizards/mesh", "12"));
    }

    @Test
    void policiesAndLimits() {
        assertError(with(s -> policies(s, "later", null, null)), "misfirePolicy")
                .isEqualTo("'later' is not a misfire policy: use run_once (fire once after downtime) or skip (record "
                        + "missed ticks)");
        assertError(with(s -> policies(s, null, "parallel", null)), "overlapPolicy")
                .isEqualTo("'parallel' is not a overlap policy: use skip, queue or allow"
                        .replace("a overlap", "an overlap"));
        assertError(with(s -> policies(s, null, null, 0L)), "maxRunSeconds")
                .isEqualTo("0 is out of range: a run may take 1 to 86400 seconds (24 h); default 600");
        assertError(with(s -> policies(s, null, null, 86_401L)), "maxRunSeconds")
                .contains("1 to 86400");
    }

    @Test
    void parseScheduleTurnsScheduleErrorsIntoJobSpecErrors() throws Exception {
        assertThat(JobRules.parseSchedule(new JobSchedule("0 9 * * *", "Europe/Berlin", null, null)))
                .isInstanceOf(CronSchedule.class);
        try {
            JobRules.parseSchedule(new JobSchedule("0 9 * *", null, null, null));
        } catch (JobSpecException e) {
            assertThat(e.field()).isEqualTo("schedule.cron");
            assertThat(e.getMessage()).startsWith("expected 5 fields");
            return;
        }
        throw new AssertionError("accepted");
    }

    private static JobSpec with(UnaryOperator<JobSpec> change) {
        return change.apply(MINIMAL);
    }

    private static JobSpec named(JobSpec s, String name) {
        return new JobSpec(
                name,
                s.schedule(),
                s.target(),
                s.delivery(),
                s.enabled(),
                s.misfirePolicy(),
                s.maxRunSeconds(),
                s.overlapPolicy());
    }

    private static JobSpec schedule(JobSpec s, JobSchedule schedule) {
        return new JobSpec(
                s.name(),
                schedule,
                s.target(),
                s.delivery(),
                s.enabled(),
                s.misfirePolicy(),
                s.maxRunSeconds(),
                s.overlapPolicy());
    }

    private static JobSpec target(JobSpec s, JobTarget target) {
        return new JobSpec(
                s.name(),
                s.schedule(),
                target,
                s.delivery(),
                s.enabled(),
                s.misfirePolicy(),
                s.maxRunSeconds(),
                s.overlapPolicy());
    }

    private static JobSpec delivery(JobSpec s, JobDelivery delivery) {
        return new JobSpec(
                s.name(),
                s.schedule(),
                s.target(),
                delivery,
                s.enabled(),
                s.misfirePolicy(),
                s.maxRunSeconds(),
                s.overlapPolicy());
    }

    private static JobSpec policies(JobSpec s, String misfire, String overlap, Long maxRunSeconds) {
        return new JobSpec(
                s.name(), s.schedule(), s.target(), s.delivery(), s.enabled(), misfire, maxRunSeconds, overlap);
    }

    private static JobTarget tool(String tool, Map<String, String> args) {
        return new JobTarget("ezra", null, tool, args);
    }

    private static org.assertj.core.api.AbstractStringAssert<?> assertError(JobSpec spec, String field) {
        try {
            JobRules.normalize(spec, HOUSES);
        } catch (JobSpecException e) {
            assertThat(e.field()).as(e.withField()).isEqualTo(field);
            return assertThat(e.getMessage());
        }
        throw new AssertionError(spec + " was accepted");
    }
}

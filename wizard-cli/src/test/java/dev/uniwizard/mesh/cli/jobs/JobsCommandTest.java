package dev.uniwizard.mesh.cli.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.uniwizard.mesh.cli.testing.CliRun;
import dev.uniwizard.mesh.cli.testing.ScriptedHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code wizard jobs add | list | pause | resume | run-now | history | preview} against a real local HTTP server. */
class JobsCommandTest {

    private static final String JOBS = "/api/v1/jobs";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String STANDUP = """
            {"spec":{"name":"standup","schedule":{"cron":"0 9 * * MON-FRI","zone":"Europe/Berlin"},
              "target":{"house":"ezra","prompt":"Summarize\\nyesterday's issues"},
              "delivery":{"platform":"telegram","chat":"123456","thread":"7"},"enabled":true,
              "misfirePolicy":"skip","maxRunSeconds":120,"overlapPolicy":"queue"},
             "enabled":true,"nextFireAt":"2026-03-30T07:00:00Z",
             "nextFireTimes":["2026-03-30T09:00:00+02:00","2026-03-31T09:00:00+02:00","2026-04-01T09:00:00+02:00",
               "2026-04-02T09:00:00+02:00","2026-04-03T09:00:00+02:00"],
             "createdAt":"2026-03-27T10:00:00.123Z","updatedAt":"2026-03-27T10:00:00.123Z"}""";

    private static final String DISK = """
            {"spec":{"name":"disk","schedule":{"everySeconds":300},
              "target":{"house":"bezalel","tool":"disk_usage","args":{"path":"/srv"}},"enabled":false,
              "misfirePolicy":"run_once","maxRunSeconds":600,"overlapPolicy":"skip"},
             "enabled":false,"nextFireTimes":["2026-03-27T10:05:00Z"],
             "createdAt":"2026-03-27T10:00:00Z","updatedAt":"2026-03-27T10:01:00Z",
             "lastRun":{"id":3,"job":"disk","scheduledFor":"2026-03-27T09:55:00Z","firedAt":"2026-03-27T09:55:00.020Z",
               "node":"scheduler-2","outcome":"house_down","deliveryStatus":"none"}}""";

    private static final String RUN = """
            {"id":42,"job":"standup","scheduledFor":"2026-03-27T10:00:00.500Z","firedAt":"2026-03-27T10:00:00.510Z",
             "node":"scheduler-1","outcome":"running","deliveryStatus":"pending",
             "taskId":"0195d1c0-0000-7000-8000-000000000042"}""";

    private ScriptedHttpServer scheduler;

    @BeforeEach
    void start() throws Exception {
        scheduler = new ScriptedHttpServer();
    }

    @AfterEach
    void stop() {
        scheduler.close();
    }

    @Test
    void addSendsTheJobAndPrintsItWithItsNextFireTimes() throws Exception {
        scheduler.answer("POST", JOBS, 201, STANDUP);

        CliRun run = wizard(
                "add",
                "standup",
                "--cron",
                "0 9 * * MON-FRI",
                "--zone",
                "Europe/Berlin",
                "--house",
                "ezra",
                "--prompt",
                "Summarize\nyesterday's issues",
                "--deliver",
                "Telegram:123456:7",
                "--misfire",
                "skip",
                "--overlap",
                "QUEUE",
                "--max-run",
                "120",
                "--operator",
                "alice");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().toList())
                .containsExactly(
                        "created job standup (enabled)",
                        "  schedule  cron \"0 9 * * MON-FRI\" in Europe/Berlin",
                        "  target    ezra: prompt \"Summarize yesterday's issues\"",
                        "  delivery  telegram:123456:7",
                        "  policies  misfire skip, overlap queue, max run 120 s",
                        "next fire times:",
                        "  2026-03-30T09:00:00+02:00",
                        "  2026-03-31T09:00:00+02:00",
                        "  2026-04-01T09:00:00+02:00",
                        "  2026-04-02T09:00:00+02:00",
                        "  2026-04-03T09:00:00+02:00");
        ScriptedHttpServer.Request request = scheduler.onlyRequest();
        assertThat(request.operator()).isEqualTo("alice");
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(JSON.readTree(request.body())).isEqualTo(JSON.readTree("""
                        {"name":"standup","schedule":{"cron":"0 9 * * MON-FRI","zone":"Europe/Berlin"},
                         "target":{"house":"ezra","prompt":"Summarize\\nyesterday's issues"},
                         "delivery":{"platform":"telegram","chat":"123456","thread":"7"},
                         "misfirePolicy":"skip","maxRunSeconds":120,"overlapPolicy":"queue"}"""));
    }

    @Test
    void addAToolJobOnAnIntervalPaused() throws Exception {
        scheduler.answer("POST", JOBS, 201, DISK);

        CliRun run = wizard(
                "add",
                "disk",
                "--every",
                "300",
                "--house",
                "bezalel",
                "--tool",
                "disk_usage",
                "--arg",
                "path=/srv",
                "--arg",
                "unit=GiB",
                "--paused",
                "--operator",
                "bob");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains(
                        "created job disk (paused)",
                        "  target    bezalel: /tool disk_usage path=/srv",
                        "  delivery  none",
                        "  last run  house_down 2026-03-27T09:55:00Z",
                        "next fire times once resumed:\n  2026-03-27T10:05:00Z");
        JsonNode body = JSON.readTree(scheduler.onlyRequest().body());
        assertThat(body).isEqualTo(JSON.readTree("""
                        {"name":"disk","schedule":{"everySeconds":300},
                         "target":{"house":"bezalel","tool":"disk_usage","args":{"path":"/srv","unit":"GiB"}},
                         "enabled":false}"""));
    }

    @Test
    void addAnEventJob() throws Exception {
        scheduler.answer("POST", JOBS, 201, """
                {"spec":{"name":"dead-letters","schedule":{"event":{"subject":"mesh.events.deadletter",
                   "match":{"/reason":"max_deliver"}}},"target":{"house":"timmy","prompt":"look"},
                   "enabled":true,"misfirePolicy":"run_once","maxRunSeconds":600,"overlapPolicy":"allow"},
                 "enabled":true,"nextFireTimes":[],"createdAt":"2026-03-27T10:00:00Z","updatedAt":"2026-03-27T10:00:00Z"}""");

        CliRun run = wizard(
                "add",
                "dead-letters",
                "--on",
                "mesh.events.deadletter",
                "--match",
                "/reason=max_deliver",
                "--house",
                "timmy",
                "--prompt",
                "look",
                "--overlap",
                "allow");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains(
                        "  schedule  on mesh.events.deadletter where /reason = max_deliver",
                        "no fire times: it fires on events");
        assertThat(JSON.readTree(scheduler.onlyRequest().body()).get("schedule"))
                .isEqualTo(
                        JSON.readTree(
                                "{\"event\":{\"subject\":\"mesh.events.deadletter\",\"match\":{\"/reason\":\"max_deliver\"}}}"));
    }

    @Test
    void aJobTheSchedulerRefusesExitsWith1AndNamesTheField() {
        scheduler.answer("POST", JOBS, 400, """
                {"error":"invalid_job","message":"day-of-week field 'FUNDAY' is not a day","field":"schedule.cron"}""");

        CliRun run = wizard("add", "x", "--cron", "0 9 * * FUNDAY", "--house", "ezra", "--prompt", "hi");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains("error: scheduler refused: invalid_job: day-of-week field 'FUNDAY' is not a day"
                        + " (field schedule.cron) (HTTP 400)");
        assertThat(run.hasNoStackTrace()).isTrue();
    }

    @Test
    void badAddOptionsAreRefusedBeforeAnythingIsSent() {
        assertRefused("say when the job fires", "add", "x", "--house", "ezra", "--prompt", "hi");
        assertRefused(
                "give only one of --cron, --every",
                "add",
                "x",
                "--cron",
                "* * * * *",
                "--every",
                "5",
                "--house",
                "ezra",
                "--prompt",
                "hi");
        assertRefused(
                "--prompt \"<text>\" or --tool",
                "add",
                "x",
                "--every",
                "5",
                "--house",
                "ezra",
                "--prompt",
                "hi",
                "--tool",
                "t");
        assertRefused(
                "--arg goes with --tool only",
                "add",
                "x",
                "--every",
                "5",
                "--house",
                "ezra",
                "--prompt",
                "hi",
                "--arg",
                "a=b");
        assertRefused(
                "--zone goes with --cron only",
                "add",
                "x",
                "--every",
                "5",
                "--zone",
                "UTC",
                "--house",
                "ezra",
                "--prompt",
                "hi");
        assertRefused(
                "--match goes with --on only",
                "add",
                "x",
                "--every",
                "5",
                "--match",
                "/a=b",
                "--house",
                "ezra",
                "--prompt",
                "hi");
        assertRefused(
                "--match must be a JSON pointer",
                "add",
                "x",
                "--on",
                "mesh.events.x",
                "--match",
                "reason=b",
                "--house",
                "ezra",
                "--prompt",
                "hi");
        assertRefused(
                "--every must be at least 1 second", "add", "x", "--every", "0", "--house", "ezra", "--prompt", "hi");
        assertRefused(
                "--deliver must be platform:chat",
                "add",
                "x",
                "--every",
                "5",
                "--house",
                "ezra",
                "--prompt",
                "hi",
                "--deliver",
                "telegram");
        assertRefused(
                "--misfire must be run_once or skip, got 'later'",
                "add",
                "x",
                "--every",
                "5",
                "--house",
                "ezra",
                "--prompt",
                "hi",
                "--misfire",
                "later");
        assertRefused(
                "--overlap must be skip, queue or allow",
                "add",
                "x",
                "--every",
                "5",
                "--house",
                "ezra",
                "--prompt",
                "hi",
                "--overlap",
                "sometimes");
        assertRefused("Missing required option: '--house=<house>'", "add", "x", "--every", "5", "--prompt", "hi");
        assertThat(scheduler.requests()).isEmpty();
    }

    @Test
    void listShowsEveryJob() {
        scheduler.answer("GET", JOBS, 200, "[" + STANDUP + "," + DISK + "]");

        CliRun run = wizard("list");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().toList())
                .containsExactly(
                        "NAME     STATE    SCHEDULE                                 TARGET                          "
                                + "             DELIVERY           NEXT                  LAST RUN",
                        "standup  enabled  cron \"0 9 * * MON-FRI\" in Europe/Berlin  ezra: prompt \"Summarize"
                                + " yesterday's issues\"  telegram:123456:7  2026-03-30T07:00:00Z  -",
                        "disk     paused   every 300 s                              bezalel: /tool disk_usage"
                                + " path=/srv          none               -                     house_down"
                                + " 2026-03-27T09:55:00Z",
                        "2 jobs, 1 paused");
    }

    @Test
    void listWithoutJobsSaysSo() {
        scheduler.answer("GET", JOBS, 200, "[]");

        CliRun run = wizard("list");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("no jobs (add one with 'wizard jobs add')\n");
    }

    @Test
    void pauseAndResumeNameTheOperator() {
        scheduler.answer("POST", JOBS + "/disk/pause", 200, DISK);
        scheduler.answer("POST", JOBS + "/standup/resume", 200, STANDUP);

        CliRun pause = wizard("pause", "disk", "--operator", "carol");
        CliRun resume = wizard("resume", "standup", "--operator", "carol");

        assertThat(pause.exitCode()).as(pause.err()).isZero();
        assertThat(pause.out()).startsWith("paused job disk (paused)\n");
        assertThat(resume.exitCode()).as(resume.err()).isZero();
        assertThat(resume.out()).startsWith("resumed job standup (enabled)\n").contains("  2026-03-30T09:00:00+02:00");
        assertThat(scheduler.requests())
                .extracting(ScriptedHttpServer.Request::operator)
                .containsExactly("carol", "carol");
    }

    @Test
    void runNowPrintsTheRun() {
        scheduler.answer("POST", JOBS + "/standup/run", 202, RUN);

        CliRun run = wizard("run-now", "standup", "--operator", "dave");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().toList())
                .containsExactly(
                        "fired run 42 of standup: running (task 0195d1c0-0000-7000-8000-000000000042)",
                        "follow it with: wizard jobs history standup");
        assertThat(scheduler.onlyRequest().operator()).isEqualTo("dave");
    }

    @Test
    void historyShowsTheRunsAsATable() {
        scheduler.answer("GET", JOBS + "/standup/runs", 200, """
                [{"id":44,"job":"standup","scheduledFor":"2026-03-27T10:02:00Z","node":"scheduler-2",
                  "outcome":"skipped_overlap","deliveryStatus":"none","detail":"run 43 was still running"},
                 {"id":43,"job":"standup","scheduledFor":"2026-03-27T10:01:00Z","firedAt":"2026-03-27T10:01:00.004Z",
                  "node":"scheduler-1","outcome":"ok","durationMs":12345,"deliveryStatus":"delivered",
                  "detail":"All green.\\nNothing to do."},
                 {"id":42,"job":"standup","scheduledFor":"2026-03-27T10:00:00Z","firedAt":"2026-03-27T10:00:00.300Z",
                  "node":"scheduler-3","outcome":"house_down","durationMs":850,"deliveryStatus":"pending",
                  "detail":"ezra: last heartbeat 2 min ago"}]""");

        CliRun run = wizard("history", "standup", "--limit", "3");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().toList())
                .containsExactly(
                        "SCHEDULED             FIRED                 NODE         OUTCOME          DURATION  DELIVERY "
                                + "  DETAIL",
                        "2026-03-27T10:02:00Z  -                     scheduler-2  skipped_overlap  -         none     "
                                + "  run 43 was still running",
                        "2026-03-27T10:01:00Z  2026-03-27T10:01:00Z  scheduler-1  ok               12.3 s    delivered"
                                + "  All green. Nothing to do.",
                        "2026-03-27T10:00:00Z  2026-03-27T10:00:00Z  scheduler-3  house_down       850 ms    pending  "
                                + "  ezra: last heartbeat 2 min ago",
                        "3 runs of standup (the newest 3; see more with --limit)");
        assertThat(scheduler.onlyRequest().query()).isEqualTo("limit=3");
    }

    @Test
    void historyOfAnUnknownJobExitsWith1() {
        scheduler.answer("GET", JOBS + "/nope/runs", 404, """
                {"error":"no_such_job","message":"there is no job named 'nope'"}""");

        CliRun run = wizard("history", "nope");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("scheduler refused: no_such_job: there is no job named 'nope' (HTTP 404)");
        assertThat(scheduler.onlyRequest().query()).isEqualTo("limit=20");
        assertThat(wizard("history", "nope", "--limit", "501").err()).contains("--limit must be between 1 and 500");
    }

    @Test
    void previewPrintsTheDescriptionAndTheTicks() throws Exception {
        scheduler.answer("POST", JOBS + "/preview", 200, """
                {"description":"cron \\"30 2 * * SUN\\" in Europe/Berlin",
                 "nextFireTimes":["2026-03-29T03:30:00+02:00","2026-04-05T02:30:00+02:00"]}""");

        CliRun run = wizard("preview", "--cron", "30 2 * * SUN", "--zone", "Europe/Berlin");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().toList())
                .containsExactly(
                        "cron \"30 2 * * SUN\" in Europe/Berlin",
                        "next fire times:",
                        "  2026-03-29T03:30:00+02:00",
                        "  2026-04-05T02:30:00+02:00");
        assertThat(JSON.readTree(scheduler.onlyRequest().body()))
                .isEqualTo(JSON.readTree("{\"cron\":\"30 2 * * SUN\",\"zone\":\"Europe/Berlin\"}"));
    }

    @Test
    void aScheduleTheSchedulerRefusesNamesTheField() {
        scheduler.answer("POST", JOBS + "/preview", 400, """
                {"error":"invalid_schedule","message":"unknown time zone 'Mars/Olympus'","field":"zone"}""");

        CliRun run = wizard("preview", "--cron", "0 9 * * *", "--zone", "Mars/Olympus");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("invalid_schedule: unknown time zone 'Mars/Olympus' (field zone) (HTTP 400)");
    }

    @Test
    void anUnreachableSchedulerExitsWith2() throws Exception {
        CliRun run =
                CliRun.wizard("jobs", "list", "--scheduler", "http://127.0.0.1:" + ScriptedHttpServer.unusedPort());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("scheduler not reachable at http://127.0.0.1:");
        assertThat(run.hasNoStackTrace()).isTrue();
    }

    @Test
    void everyCommandHasHelpWithTheSchedulerUrl() {
        for (String command : new String[] {"add", "list", "pause", "resume", "run-now", "history", "preview"}) {
            CliRun run = CliRun.wizard("jobs", command, "--help");

            assertThat(run.exitCode()).as(command).isZero();
            assertThat(run.out()).startsWith("Usage: wizard jobs " + command);
            assertThat(run.out()).contains("--scheduler", "WIZARD_SCHEDULER", "http://127.0.0.1:8083", "--timeout");
        }
        assertThat(CliRun.wizard("--help").out()).contains("jobs ", "WIZARD_SCHEDULER");
        CliRun none = CliRun.wizard("jobs");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("missing command: add, list, pause, resume, run-now, history or preview");
    }

    private void assertRefused(String message, String... args) {
        CliRun run = wizard(args);
        assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(2);
        assertThat(run.err()).as(String.join(" ", args)).contains(message);
    }

    private CliRun wizard(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "jobs";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--scheduler";
        all[args.length + 2] = scheduler.url();
        return CliRun.wizard(all);
    }
}

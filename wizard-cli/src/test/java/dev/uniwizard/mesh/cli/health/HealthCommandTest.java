package dev.uniwizard.mesh.cli.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.cli.testing.CliRun;
import dev.uniwizard.mesh.cli.testing.ScriptedHttpServer;
import dev.uniwizard.mesh.cli.text.Json;
import dev.uniwizard.mesh.core.observatory.CheckResult;
import dev.uniwizard.mesh.core.observatory.CheckState;
import dev.uniwizard.mesh.core.observatory.ChecksReport;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HealthCommandTest {

    private static final String MESH_HEALTH = "/api/v1/health/mesh";
    private static final String CHECKS = "/api/v1/checks";
    private static final Instant AT = Instant.parse("2025-01-01T00:00:00.250Z");

    private static final String UP_MESH = """
            {"status":"UP","checkedAt":"2025-01-01T00:00:00Z","services":[
              {"service":"gateway","instance":"gateway-1","status":"UP","version":"0.1.0",
               "uptimeSeconds":12,"lastSeenSecondsAgo":1.2,"stale":false},
              {"service":"router","instance":"router-1","status":"UP","version":"0.1.0",
               "uptimeSeconds":3725,"lastSeenSecondsAgo":0.4,"stale":false,"nats":"connected"}
            ]}""";

    private ScriptedHttpServer observatory;

    @BeforeEach
    void start() throws Exception {
        observatory = new ScriptedHttpServer();
    }

    @AfterEach
    void stop() {
        observatory.close();
    }

    @Test
    void upMeshWithAllChecksOkPrintsTheServicesAndExits0() {
        observatory.answer(MESH_HEALTH, 200, UP_MESH);
        observatory.answer(
                CHECKS,
                200,
                checks(
                        check("service", "gateway", CheckState.OK, null, null, "gateway has 1 UP instance"),
                        check("disk", "gateway-1", CheckState.OK, 0.41, "ratio", "disk 41% full")));

        CliRun run = CliRun.wizard("health", "--observatory", observatory.url());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().toList())
                .hasSize(7)
                .first()
                .asString()
                .matches("SERVICE +INSTANCE +STATUS +VERSION +UPTIME +LAST SEEN");
        assertThat(run.out())
                .containsPattern("gateway +gateway-1 +UP +0\\.1\\.0 +12s +1\\.2s ago")
                .containsPattern("router +router-1 +UP +0\\.1\\.0 +1h 02m +0\\.4s ago")
                .contains("mesh: UP (2 services)")
                .contains("all 2 checks are ok (--all lists them)")
                .contains("checks: ok (2 ok, 0 warn, 0 critical, 0 error) at 2025-01-01T00:00:00Z")
                .doesNotContain("disk 41% full");
        assertThat(observatory.requests())
                .extracting(ScriptedHttpServer.Request::method, ScriptedHttpServer.Request::path)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("GET", MESH_HEALTH),
                        org.assertj.core.groups.Tuple.tuple("GET", CHECKS));
    }

    @Test
    void aCriticalCheckIsListedWorstFirstWithItsMessageAndExits1() {
        observatory.answer(MESH_HEALTH, 200, UP_MESH);
        observatory.answer(
                CHECKS,
                200,
                checks(
                        check(
                                "disk",
                                "gateway-1",
                                CheckState.CRITICAL,
                                0.965,
                                "ratio",
                                "disk / is 96.5% full (critical at 95%)"),
                        check(
                                "inbox",
                                "ezra",
                                CheckState.WARN,
                                17.0,
                                "messages",
                                "17 tasks waiting for ezra (warn at 10)"),
                        check("probe", "gitea", CheckState.OK, 412.0, "ms", "gitea answered 200 in 412 ms"),
                        check("service", "gateway", CheckState.OK, null, null, "gateway has 1 UP instance")));

        CliRun run = CliRun.wizard("health", "--observatory", observatory.url());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        List<String> lines = run.out().lines().toList();
        int header = lines.indexOf(lines.stream()
                .filter(line -> line.startsWith("CHECK"))
                .findFirst()
                .orElseThrow());
        assertThat(lines.get(header)).matches("CHECK +STATE +VALUE +MESSAGE");
        assertThat(lines.get(header + 1))
                .matches("disk:gateway-1 +CRITICAL +96\\.5% +disk / is 96\\.5% full \\(critical at 95%\\)");
        assertThat(lines.get(header + 2)).matches("inbox:ezra +warn +17 messages +17 tasks waiting for ezra.*");
        assertThat(run.out())
                .contains("mesh: UP (2 services)")
                .contains("checks: CRITICAL (2 ok, 1 warn, 1 critical, 0 error)")
                .doesNotContain("probe:gitea");
    }

    @Test
    void warnAndErrorChecksAreShownButDoNotFail() {
        observatory.answer(MESH_HEALTH, 200, UP_MESH);
        observatory.answer(
                CHECKS,
                200,
                checks(
                        check(
                                "postgres",
                                "mesh",
                                CheckState.ERROR,
                                null,
                                null,
                                "could not run: connection refused\nsecond line"),
                        check("cpu", "router-1", CheckState.WARN, 0.91, "ratio", "cpu 91% (warn at 90%)")));

        CliRun run = CliRun.wizard("health", "--observatory", observatory.url());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .containsPattern("postgres:mesh +ERROR +- +could not run: connection refused \\.\\.\\.")
                .containsPattern("cpu:router-1 +warn +91% +cpu 91%")
                .contains("checks: ERROR (0 ok, 1 warn, 0 critical, 1 error)");
    }

    @Test
    void allListsEveryCheck() {
        observatory.answer(MESH_HEALTH, 200, UP_MESH);
        observatory.answer(
                CHECKS,
                200,
                checks(
                        check("probe", "gitea", CheckState.OK, 412.0, "ms", "gitea answered 200 in 412 ms"),
                        check("service", "gateway", CheckState.OK, null, null, "gateway has 1 UP instance")));

        CliRun run = CliRun.wizard("health", "--all", "--observatory", observatory.url());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .containsPattern("probe:gitea +ok +412 ms +gitea answered 200 in 412 ms")
                .containsPattern("service:gateway +ok +- +gateway has 1 UP instance")
                .doesNotContain("--all lists them");
    }

    @Test
    void degradedMeshWithStaleAndMissingFieldsExits1() {
        observatory.answer(MESH_HEALTH, 200, """
                {"status":"DEGRADED","services":[
                  {"service":"house-ezra","instance":"ezra-1","status":"DOWN","lastSeenSecondsAgo":95,"stale":true},
                  {"service":"memory"}
                ]}""");
        observatory.answer(CHECKS, 200, checks());

        CliRun run = CliRun.wizard("health", "--observatory", observatory.url());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .containsPattern("house-ezra +ezra-1 +DOWN +- +- +1m 35s ago \\(STALE\\)")
                .containsPattern("memory +- +- +- +- +-")
                .contains("mesh: DEGRADED (2 services)")
                .contains("the observatory has no check results yet");
    }

    @Test
    void downReportedWith503IsStillPrinted() {
        observatory.answer(MESH_HEALTH, 503, "{\"status\":\"DOWN\",\"services\":[]}");
        observatory.answer(CHECKS, 200, checks());

        CliRun run = CliRun.wizard("health", "--observatory", observatory.url());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("no services have reported", "mesh: DOWN (0 services)");
    }

    @Test
    void observatoryErrorExits2() {
        observatory.answer(MESH_HEALTH, 500, "{\"error\":\"internal\",\"message\":\"database unavailable\"}");

        CliRun run = CliRun.wizard("health", "--observatory", observatory.url());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("HTTP 500", "internal: database unavailable");
    }

    @Test
    void checksErrorExits2WithTheObservatorysMessageAfterTheServices() {
        observatory.answer(MESH_HEALTH, 200, UP_MESH);
        observatory.answer(CHECKS, 503, "{\"error\":\"not_ready\",\"message\":\"the checks have not run yet\"}");

        CliRun run = CliRun.wizard("health", "--observatory", observatory.url());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).contains("mesh: UP (2 services)");
        assertThat(run.err())
                .contains("observatory could not answer the checks (HTTP 503): not_ready: the checks have not run yet");
        assertThat(run.hasNoStackTrace()).as(run.err()).isTrue();
    }

    @Test
    void anObservatoryWithoutChecksSaysSo() {
        observatory.answer(MESH_HEALTH, 200, UP_MESH);

        CliRun run = CliRun.wizard("health", "--observatory", observatory.url());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("HTTP 404", "nothing scripted", "older than this wizard");
    }

    @Test
    void checksThatAreNotAReportExit2() {
        observatory.answer(MESH_HEALTH, 200, UP_MESH);
        observatory.answer(CHECKS, 200, "{\"worst\":\"purple\"}");

        CliRun run = CliRun.wizard("health", "--observatory", observatory.url());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no ChecksReport", "unknown check state 'purple'");
        assertThat(run.hasNoStackTrace()).as(run.err()).isTrue();
    }

    @Test
    void unreachableObservatoryExits2() throws Exception {
        String url = "http://127.0.0.1:" + ScriptedHttpServer.unusedPort();

        CliRun run = CliRun.wizard("health", "--observatory", url);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("observatory not reachable at " + url, "./mesh up");
        assertThat(run.hasNoStackTrace()).as(run.err()).isTrue();
    }

    @Test
    void timeoutBelowOneSecondIsRefused() {
        CliRun run = CliRun.wizard("health", "--timeout", "0", "--observatory", observatory.url());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--timeout must be at least 1 second");
        assertThat(observatory.requests()).isEmpty();
    }

    private static CheckResult check(
            String kind, String target, CheckState state, Double value, String unit, String message) {
        return CheckResult.of(kind, target, state, value, unit, message, AT);
    }

    /** The report as the observatory builds it: worst state, every state counted, checks sorted by id. */
    static String checks(CheckResult... results) {
        Map<CheckState, Long> counts = new EnumMap<>(CheckState.class);
        for (CheckState state : CheckState.values()) {
            counts.put(state, 0L);
        }
        counts.putAll(
                List.of(results).stream().collect(Collectors.groupingBy(CheckResult::state, Collectors.counting())));
        CheckState worst = List.of(results).stream().map(CheckResult::state).reduce(CheckState.OK, CheckState::worst);
        List<CheckResult> sorted = List.of(results).stream()
                .sorted(java.util.Comparator.comparing(CheckResult::id))
                .toList();
        return Json.write(new ChecksReport(AT, worst, counts, sorted));
    }
}

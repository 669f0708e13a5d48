package dev.uniwizard.mesh.cli.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.cli.testing.CliRun;
import dev.uniwizard.mesh.cli.testing.ScriptedHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HealthCommandTest {

    private static final String MESH_HEALTH = "/api/v1/health/mesh";

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
    void upMeshPrintsATableAndExits0() {
        observatory.answer(MESH_HEALTH, 200, """
                {"status":"UP","checkedAt":"2025-01-01T00:00:00Z","services":[
                  {"service":"gateway","instance":"gateway-1","status":"UP","version":"0.1.0",
                   "uptimeSeconds":12,"lastSeenSecondsAgo":1.2,"stale":false},
                  {"service":"router","instance":"router-1","status":"UP","version":"0.1.0",
                   "uptimeSeconds":3725,"lastSeenSecondsAgo":0.4,"stale":false,"nats":"connected"}
                ]}""");

        CliRun run = CliRun.wizard("health", "--observatory", observatory.url());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().toList())
                .hasSize(4)
                .first()
                .asString()
                .matches("SERVICE +INSTANCE +STATUS +VERSION +UPTIME +LAST SEEN");
        assertThat(run.out())
                .containsPattern("gateway +gateway-1 +UP +0\\.1\\.0 +12s +1\\.2s ago")
                .containsPattern("router +router-1 +UP +0\\.1\\.0 +1h 02m +0\\.4s ago")
                .contains("mesh: UP (2 services)");
        assertThat(observatory.onlyRequest().method()).isEqualTo("GET");
    }

    @Test
    void degradedMeshWithStaleAndMissingFieldsExits1() {
        observatory.answer(MESH_HEALTH, 200, """
                {"status":"DEGRADED","services":[
                  {"service":"house-ezra","instance":"ezra-1","status":"DOWN","lastSeenSecondsAgo":95,"stale":true},
                  {"service":"memory"}
                ]}""");

        CliRun run = CliRun.wizard("health", "--observatory", observatory.url());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .containsPattern("house-ezra +ezra-1 +DOWN +- +- +1m 35s ago \\(STALE\\)")
                .containsPattern("memory +- +- +- +- +-")
                .contains("mesh: DEGRADED (2 services)");
    }

    @Test
    void downReportedWith503IsStillPrinted() {
        observatory.answer(MESH_HEALTH, 503, "{\"status\":\"DOWN\",\"services\":[]}");

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
    void unreachableObservatoryExits2() throws Exception {
        String url = "http://127.0.0.1:" + ScriptedHttpServer.unusedPort();

        CliRun run = CliRun.wizard("health", "--observatory", url);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("observatory not reachable at " + url, "./mesh up");
        assertThat(run.hasNoStackTrace()).as(run.err()).isTrue();
    }
}

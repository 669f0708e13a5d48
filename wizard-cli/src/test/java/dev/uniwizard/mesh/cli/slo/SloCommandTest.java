package dev.uniwizard.mesh.cli.slo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.cli.testing.CliRun;
import dev.uniwizard.mesh.cli.testing.ScriptedHttpServer;
import dev.uniwizard.mesh.cli.text.Json;
import dev.uniwizard.mesh.core.observatory.LatencySlo;
import dev.uniwizard.mesh.core.observatory.SloReport;
import dev.uniwizard.mesh.core.observatory.UptimeSlo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SloCommandTest {

    private static final String SLO = "/api/v1/slo";
    private static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2025-01-31T00:00:00.500Z");

    private static final UptimeSlo GATEWAY_MET =
            new UptimeSlo("gateway", 99.5, 99.912, 2_592_000, 2280, 3720, 12_960, 82.4, true);
    private static final UptimeSlo ROUTER_NO_DATA = new UptimeSlo("router", 99.5, null, 0, 0, 2_592_000, 0, null, null);
    private static final LatencySlo GATEWAY_LATENCY =
            new LatencySlo("gateway-request", "mesh_gateway_request_seconds", 1234, 0.12, 0.85, 5.0, true);
    private static final LatencySlo TASK_NO_OBJECTIVE =
            new LatencySlo("house-task", "mesh_house_task_seconds", 0, null, null, null, null);

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
    void printsAvailabilityAndLatencyAndExits0WhenMet() {
        observatory.answer(
                SLO, 200, report(List.of(GATEWAY_MET, ROUTER_NO_DATA), List.of(GATEWAY_LATENCY, TASK_NO_OBJECTIVE)));

        CliRun run = CliRun.wizard("slo", "--window", "30d", "--observatory", observatory.url());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(observatory.onlyRequest().parameters()).isEqualTo(Map.of("window", "30d"));
        assertThat(run.out())
                .contains("SLOs from 2025-01-01T00:00:00Z to 2025-01-31T00:00:00Z (30d)")
                .containsPattern("SERVICE +TARGET +UPTIME +DOWN +UNOBSERVED +BUDGET LEFT +MET")
                .containsPattern("gateway +99\\.5% +99\\.912% +38m 00s +1h 02m +82\\.4% +yes")
                .containsPattern("router +99\\.5% +no data +0s +30d 00h +- +-")
                .containsPattern("LATENCY +METRIC +COUNT +P50 +P95 +OBJECTIVE +MET")
                .containsPattern("gateway-request +mesh_gateway_request_seconds +1234 +120 ms +850 ms +p95 < 5 s +yes")
                .containsPattern("house-task +mesh_house_task_seconds +0 +- +- +none +-")
                .contains("every objective with a verdict is met");
    }

    @Test
    void aMissedObjectiveExits1() {
        UptimeSlo missed = new UptimeSlo("gateway", 99.5, 98.25, 86_400, 1512, 0, 432, -250.0, false);
        LatencySlo slow = new LatencySlo("gateway-request", "mesh_gateway_request_seconds", 50, 2.5, 7.75, 5.0, false);
        observatory.answer(SLO, 200, report(List.of(missed), List.of(slow)));

        CliRun run = CliRun.wizard("slo", "--observatory", observatory.url());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(observatory.onlyRequest().query()).isNull();
        assertThat(run.out())
                .doesNotContain("(30d)")
                .containsPattern("gateway +99\\.5% +98\\.25% +25m 12s +0s +-250% +NO")
                .containsPattern("gateway-request +mesh_gateway_request_seconds +50 +2\\.5 s +7\\.75 s +p95 < 5 s +NO")
                .contains("2 objectives are NOT met");
    }

    @Test
    void noObjectivesAtAll() {
        observatory.answer(SLO, 200, report(List.of(), List.of()));

        CliRun run = CliRun.wizard("slo", "--observatory", observatory.url());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("no availability objectives", "no latency objectives");
    }

    @Test
    void aWindowTheObservatoryRefusesShowsItsMessage() {
        observatory.answer(
                SLO,
                400,
                "{\"error\":\"bad_parameter\",\"message\":\"window must be like 30d or 24h, got '3 weeks'\"}");

        CliRun run = CliRun.wizard("slo", "--window", "3 weeks", "--observatory", observatory.url());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(observatory.onlyRequest().parameters()).containsEntry("window", "3 weeks");
        assertThat(run.err())
                .contains("observatory could not answer the SLO report for --window 3 weeks (HTTP 400)")
                .contains("bad_parameter: window must be like 30d or 24h, got '3 weeks'");
    }

    @Test
    void anEmptyWindowIsRefusedBeforeAsking() {
        CliRun run = CliRun.wizard("slo", "--window", " ", "--observatory", observatory.url());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--window must not be empty");
        assertThat(observatory.requests()).isEmpty();
    }

    @Test
    void anUnreachableObservatoryExits2() throws Exception {
        String url = "http://127.0.0.1:" + ScriptedHttpServer.unusedPort();

        CliRun run = CliRun.wizard("slo", "--observatory", url);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("observatory not reachable at " + url);
        assertThat(run.hasNoStackTrace()).as(run.err()).isTrue();
    }

    private static String report(List<UptimeSlo> uptime, List<LatencySlo> latencies) {
        return Json.write(new SloReport(FROM, TO, uptime, latencies));
    }
}

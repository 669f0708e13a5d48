package dev.uniwizard.mesh.observatory.probes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.core.observatory.CheckResult;
import dev.uniwizard.mesh.core.observatory.CheckState;
import dev.uniwizard.mesh.core.payload.HeartbeatPayload;
import dev.uniwizard.mesh.core.payload.HostStats;
import dev.uniwizard.mesh.observatory.checks.Level;
import dev.uniwizard.mesh.observatory.checks.Thresholds;
import dev.uniwizard.mesh.observatory.health.HeartbeatStore;
import dev.uniwizard.mesh.observatory.health.MeshHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HeartbeatChecksTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final Thresholds THRESHOLDS = new Thresholds(
            Level.ratio("cpu", 0.85, 0.95),
            Level.ratio("memory", 0.85, 0.95),
            Level.ratio("disk", 0.80, 0.90),
            new Level("inbox", 10, 50),
            new Level("approvals", 5, 20),
            Level.ratio("jetstream", 0.8, 0.9),
            new Level("latency", 500, 2000));

    private final HeartbeatStore store = new HeartbeatStore();
    private final HeartbeatChecks checks = new HeartbeatChecks(
            store, new MeshHealth(List.of("gateway", "router", "memory"), 3), THRESHOLDS, Duration.ofHours(24));

    @Test
    void rightAfterTheObservatoryStartsAServiceNotHeardFromYetIsNotReportedAtAll() {
        HeartbeatChecks starting = new HeartbeatChecks(
                store,
                new MeshHealth(List.of("gateway", "memory"), 3),
                THRESHOLDS,
                Duration.ofHours(24),
                NOW.plusSeconds(10));
        beat("gateway", "gateway-1", "UP", 2, null);

        List<String> ids = starting.run(NOW).stream().map(CheckResult::id).toList();
        List<String> later =
                starting.run(NOW.plusSeconds(10)).stream().map(CheckResult::id).toList();

        assertThat(ids).contains("service:gateway").doesNotContain("service:memory");
        assertThat(later).contains("service:gateway", "service:memory");
    }

    @Test
    void aServiceWithOneFreshUpInstanceIsOkAndOneNeverSeenIsCritical() {
        beat("gateway", "gateway-1", "UP", 2, null);
        beat("gateway", "gateway-2", "UP", 60, null);

        Map<String, CheckResult> results = run();

        assertThat(results.get("service:gateway").state()).isEqualTo(CheckState.OK);
        assertThat(results.get("service:gateway").value()).isEqualTo(1.0);
        assertThat(results.get("service:gateway").message()).isEqualTo("gateway is UP: 1 of 2 instance(s) UP");
        assertThat(results.get("service:memory").state()).isEqualTo(CheckState.CRITICAL);
        assertThat(results.get("service:memory").message()).startsWith("no instance of memory has sent a heartbeat");
    }

    @Test
    void aServiceWhoseInstancesStoppedOrAreDownIsCriticalSayingWhy() {
        beat("router", "router-1", "UP", 16, null);
        beat("router", "router-2", "DOWN", 1, null);

        Map<String, CheckResult> results = run();

        CheckResult router = results.get("service:router");
        assertThat(router.state()).isEqualTo(CheckState.CRITICAL);
        assertThat(router.value()).isEqualTo(0.0);
        assertThat(router.message())
                .isEqualTo(
                        "no instance of router is UP: router-1 stopped (last heartbeat 16 s ago, expected every 5 s),"
                                + " router-2 reports DOWN (it runs but is not ready)");
        assertThat(results.get("instance:router-1").state()).isEqualTo(CheckState.CRITICAL);
        assertThat(results.get("instance:router-1").value()).isEqualTo(16.0);
        assertThat(results.get("instance:router-1").unit()).isEqualTo("seconds");
        assertThat(results.get("instance:router-2").state()).isEqualTo(CheckState.CRITICAL);
        assertThat(results.get("instance:router-2").message()).contains("reports DOWN");
    }

    @Test
    void aFreshUpInstanceIsOk() {
        beat("gateway", "gateway-1", "UP", 1, null);

        CheckResult instance = run().get("instance:gateway-1");

        assertThat(instance.state()).isEqualTo(CheckState.OK);
        assertThat(instance.kind()).isEqualTo("instance");
        assertThat(instance.target()).isEqualTo("gateway-1");
        assertThat(instance.at()).isEqualTo(NOW);
        assertThat(instance.message()).isEqualTo("gateway-1 (gateway) is UP, version 1.0, last heartbeat 1.0 s ago");
    }

    @Test
    void judgesTheHostAgainstTheThresholds() {
        beat("gateway", "gateway-1", "UP", 1, new HostStats("h1", 0.5, 0.86, 1L, 0.95, 1L, 0.2));

        Map<String, CheckResult> results = run();

        assertThat(results.get("cpu:gateway-1").state()).isEqualTo(CheckState.OK);
        assertThat(results.get("memory:gateway-1").state()).isEqualTo(CheckState.WARN);
        CheckResult disk = results.get("disk:gateway-1");
        assertThat(disk.state()).isEqualTo(CheckState.CRITICAL);
        assertThat(disk.value()).isEqualTo(0.95);
        assertThat(disk.unit()).isEqualTo("ratio");
        assertThat(disk.message()).isEqualTo("disk in use for gateway-1 on h1 is 95% (warn at 80%, critical at 90%)");
    }

    @Test
    void aValueTheInstanceCouldNotReadIsNotJudgedAndNoHostFactsMeanNoHostChecks() {
        beat("gateway", "gateway-1", "UP", 1, new HostStats(null, null, 0.5, 1L, null, null, null));
        beat("router", "router-1", "UP", 1, null);

        Map<String, CheckResult> results = run();

        assertThat(results).containsKey("memory:gateway-1").doesNotContainKeys("cpu:gateway-1", "disk:gateway-1");
        assertThat(results.get("memory:gateway-1").message()).startsWith("memory in use on gateway-1 is 50%");
        assertThat(results.keySet()).noneMatch(id -> id.endsWith(":router-1") && !id.startsWith("instance:"));
    }

    @Test
    void aStoppedInstanceKeepsItsLastHostValuesSayingSo() {
        beat("gateway", "gateway-1", "UP", 600, new HostStats("h1", 0.1, 0.1, 1L, 0.85, 1L, 0.1));

        CheckResult disk = run().get("disk:gateway-1");

        assertThat(disk.state()).isEqualTo(CheckState.WARN);
        assertThat(disk.message()).endsWith("(last reported 10 min ago; the instance stopped)");
    }

    @Test
    void anInstanceSilentForLongerThanForgetAfterDropsOut() {
        beat(
                "gateway",
                "gateway-1",
                "UP",
                Duration.ofHours(25).toSeconds(),
                new HostStats("h", 0.1, 0.1, 1L, 0.1, 1L, 0.1));
        beat("gateway", "gateway-2", "UP", Duration.ofHours(23).toSeconds(), null);

        Map<String, CheckResult> results = run();

        assertThat(results.keySet()).noneMatch(id -> id.endsWith("gateway-1"));
        assertThat(results.get("instance:gateway-2").state()).isEqualTo(CheckState.CRITICAL);
        assertThat(results.get("service:gateway").message()).contains("gateway-2 stopped");
    }

    private void beat(String service, String instance, String status, long secondsAgo, HostStats host) {
        store.record(
                new HeartbeatPayload(service, instance, "1.0", NOW.minusSeconds(3600), 3600, status, 5, host, null),
                NOW.minusSeconds(secondsAgo));
    }

    private Map<String, CheckResult> run() {
        return checks.run(NOW).stream().collect(Collectors.toMap(CheckResult::id, Function.identity()));
    }
}

package dev.uniwizard.mesh.observatory.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.uniwizard.mesh.core.payload.HeartbeatPayload;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeshHealthTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    private final MeshHealth health = new MeshHealth(List.of("gateway", "router"), 3);

    @Test
    void upWhenEveryExpectedServiceHasAFreshUpInstance() {
        MeshHealthReport report = health.evaluate(
                List.of(seen("gateway", "gateway-1", "UP", 1), seen("router", "router-1", "UP", 2)), NOW);

        assertThat(report.status()).isEqualTo(MeshHealth.UP);
        assertThat(report.missing()).isEmpty();
        assertThat(report.checkedAt()).isEqualTo(NOW);
        assertThat(report.services()).extracting(InstanceHealth::status).containsExactly("UP", "UP");
        assertThat(report.services().getFirst().lastSeenSecondsAgo()).isEqualTo(1.0);
    }

    @Test
    void degradedWhenOneExpectedServiceOnlyHasAStaleInstance() {
        MeshHealthReport report = health.evaluate(
                List.of(seen("gateway", "gateway-1", "UP", 1), seen("router", "router-1", "UP", 16)), NOW);

        assertThat(report.status()).isEqualTo(MeshHealth.DEGRADED);
        InstanceHealth router = report.services().get(1);
        assertThat(router.instance()).isEqualTo("router-1");
        assertThat(router.stale()).isTrue();
        assertThat(router.status()).isEqualTo(MeshHealth.STOPPED);
        assertThat(report.missing()).containsExactly("router");
    }

    @Test
    void degradedWhenAnExpectedServiceReportsDownButIsNotMissing() {
        MeshHealthReport report = health.evaluate(
                List.of(seen("gateway", "gateway-1", "UP", 1), seen("router", "router-1", "DOWN", 1)), NOW);

        assertThat(report.status()).isEqualTo(MeshHealth.DEGRADED);
        assertThat(report.missing()).isEmpty();
        assertThat(report.services().get(1).status()).isEqualTo(MeshHealth.DOWN);
    }

    @Test
    void downWhenNoExpectedServiceIsUp() {
        MeshHealthReport report = health.evaluate(
                List.of(
                        seen("gateway", "gateway-1", "DOWN", 1),
                        seen("router", "router-1", "UP", 60),
                        seen("extra", "extra-1", "UP", 1)),
                NOW);

        assertThat(report.status()).isEqualTo(MeshHealth.DOWN);
        assertThat(report.missing()).containsExactly("router");
    }

    @Test
    void downAndEverythingMissingWhenNothingReported() {
        MeshHealthReport report = health.evaluate(List.of(), NOW);

        assertThat(report.status()).isEqualTo(MeshHealth.DOWN);
        assertThat(report.missing()).containsExactly("gateway", "router");
        assertThat(report.services()).isEmpty();
    }

    @Test
    void oneFreshUpInstanceIsEnoughForAService() {
        MeshHealthReport report = health.evaluate(
                List.of(
                        seen("router", "router-2", "UP", 1),
                        seen("router", "router-1", "UP", 30),
                        seen("gateway", "gateway-1", "UP", 0)),
                NOW);

        assertThat(report.status()).isEqualTo(MeshHealth.UP);
        assertThat(report.services())
                .extracting(InstanceHealth::instance)
                .containsExactly("gateway-1", "router-1", "router-2");
        assertThat(health.upInstances("router", List.of(seen("router", "router-1", "UP", 30)), NOW))
                .isZero();
    }

    @Test
    void staleOnlyAfterMoreThanTheAllowedIntervals() {
        InstanceState exactlyAtLimit = seenAgo(Duration.ofSeconds(15), 5);
        InstanceState justPast = seenAgo(Duration.ofSeconds(15).plusMillis(1), 5);

        assertThat(health.isStale(exactlyAtLimit, NOW)).isFalse();
        assertThat(health.isStale(justPast, NOW)).isTrue();
    }

    @Test
    void anIntervalBelowOneSecondCountsAsOneSecond() {
        assertThat(health.isStale(seenAgo(Duration.ofSeconds(3), 0), NOW)).isFalse();
        assertThat(health.isStale(seenAgo(Duration.ofMillis(3001), 0), NOW)).isTrue();
    }

    @Test
    void oneServiceOrNothingWhenItNeverReported() {
        List<InstanceState> states =
                List.of(seen("router", "router-1", "UP", 60), seen("gateway", "gateway-1", "UP", 1));

        ServiceHealth router = health.evaluate("router", states, NOW).orElseThrow();
        assertThat(router.status()).isEqualTo(MeshHealth.DOWN);
        assertThat(router.instances())
                .singleElement()
                .extracting(InstanceHealth::status)
                .isEqualTo("STOPPED");
        assertThat(health.evaluate("gateway", states, NOW).orElseThrow().status())
                .isEqualTo(MeshHealth.UP);
        assertThat(health.evaluate("memory", states, NOW)).isEmpty();
    }

    @Test
    void refusesAThresholdBelowOne() {
        assertThatThrownBy(() -> new MeshHealth(List.of("gateway"), 0)).hasMessageContaining("stale-after-intervals");
    }

    private static InstanceState seen(String service, String instance, String status, long secondsAgo) {
        return new InstanceState(
                new HeartbeatPayload(service, instance, "1.0", NOW.minusSeconds(100), 99, status, 5),
                NOW.minusSeconds(secondsAgo));
    }

    private static InstanceState seenAgo(Duration ago, long intervalSeconds) {
        return new InstanceState(
                new HeartbeatPayload("router", "router-1", "1.0", NOW.minusSeconds(100), 99, "UP", intervalSeconds),
                NOW.minus(ago));
    }
}

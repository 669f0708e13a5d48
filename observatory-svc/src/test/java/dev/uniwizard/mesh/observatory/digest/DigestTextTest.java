package dev.uniwizard.mesh.observatory.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.core.observatory.CheckIncidents;
import dev.uniwizard.mesh.core.observatory.CheckState;
import dev.uniwizard.mesh.core.observatory.LatencySlo;
import dev.uniwizard.mesh.core.observatory.UptimeSlo;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DigestTextTest {

    @Test
    void saysWhatHappenedInAFewLines() {
        Map<CheckState, Long> states = new EnumMap<>(CheckState.class);
        states.put(CheckState.OK, 2880L);
        states.put(CheckState.WARN, 12L);
        states.put(CheckState.CRITICAL, 4L);
        states.put(CheckState.ERROR, 0L);

        String text = DigestText.of(
                Instant.parse("2026-03-02T07:00:00Z"),
                ZoneId.of("Europe/Berlin"),
                states,
                List.of(new CheckIncidents("disk:gw-1", 2, 720, CheckState.CRITICAL)),
                3,
                List.of(
                        new LatencySlo("gateway-request", "m", 1234, 0.12, 0.8, 1.0, true),
                        new LatencySlo("webhook", "w", 0, null, null, null, null)),
                List.of(
                        new UptimeSlo("gateway", 99.5, 99.98, 86_400, 17, 0, 432, 96.0, true),
                        new UptimeSlo("router", 99.5, null, 0, 0, 86_400, 0, null, null)));

        assertThat(text).isEqualTo("""
                        📊 Mesh digest: the 24h to 2026-03-02 08:00 Europe/Berlin
                        Uptime: gateway 99.98% (objective 99.50%) ✅; router not observed
                        Latency: gateway-request p50 120ms, p95 800ms (objective 1.00s) ✅, 1234 observed; webhook no observations
                        Checks: 2880 ok, 12 warn, 4 critical, 0 error
                        Incidents: 1 check
                        • disk:gw-1 2× 12m critical
                        Alerts sent: 3""");
    }
}

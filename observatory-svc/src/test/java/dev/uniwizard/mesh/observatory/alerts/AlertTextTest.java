package dev.uniwizard.mesh.observatory.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.core.observatory.Alert;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertTextTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void oneFiringAlertIsOneLine() {
        String text = AlertText.of(
                notification(Alert.FIRING, firing("disk:gateway-1", "critical", "disk 93% used (critical ≥ 90%)")));

        assertThat(text)
                .isEqualTo("🔥 FIRING [kind=disk] 1 alert: disk:gateway-1 critical — disk 93% used (critical ≥ 90%)");
    }

    @Test
    void oneResolvedAlertSaysHowLongItLasted() {
        String text = AlertText.of(notification(
                Alert.RESOLVED, resolved("disk:gateway-1", "critical", "disk 93% used", Duration.ofMinutes(12))));

        assertThat(text)
                .isEqualTo("✅ RESOLVED [kind=disk] 1 alert: disk:gateway-1 resolved after 12m (was critical) — disk 93%"
                        + " used");
    }

    @Test
    void severalAlertsGetALineEach() {
        String text = AlertText.of(notification(
                Alert.FIRING,
                firing("disk:a", "critical", "a full"),
                firing("disk:b", "error", "b unreadable"),
                resolved("disk:c", "critical", "c full", Duration.ofSeconds(45))));

        assertThat(text).isEqualTo("""
                        🔥 FIRING [kind=disk] 2 alerts, 1 resolved:
                        • disk:a critical — a full
                        • disk:b error — b unreadable
                        ✅ disk:c resolved after 45s (was critical) — c full""");
    }

    @Test
    void longListsAreCut() {
        List<Alert> many = new ArrayList<>();
        for (int i = 0; i < AlertText.MAX_LINES + 3; i++) {
            many.add(firing("disk:n" + i, "critical", ""));
        }

        String text =
                AlertText.of(new GroupNotification("{kind=\"disk\"}", Map.of("kind", "disk"), Alert.FIRING, many, T0));

        assertThat(text.lines()).hasSize(AlertText.MAX_LINES + 2);
        assertThat(text).endsWith("… and 3 more").contains("• disk:n0 critical\n");
    }

    @Test
    void durationsReadNaturally() {
        assertThat(AlertText.duration(Duration.ofSeconds(5))).isEqualTo("5s");
        assertThat(AlertText.duration(Duration.ofMinutes(59))).isEqualTo("59m");
        assertThat(AlertText.duration(Duration.ofMinutes(185))).isEqualTo("3h 5m");
        assertThat(AlertText.duration(Duration.ofHours(2))).isEqualTo("2h");
        assertThat(AlertText.duration(Duration.ofHours(52))).isEqualTo("2d 4h");
        assertThat(AlertText.duration(Duration.ofSeconds(-3))).isEqualTo("0s");
    }

    @Test
    void valuesAreWrittenWithoutNoise() {
        assertThat(AlertLabels.value(0.93, "ratio")).isEqualTo("0.93 ratio");
        assertThat(AlertLabels.value(17.0, null)).isEqualTo("17");
        assertThat(AlertLabels.value(1e7, "ms")).isEqualTo("10000000 ms");
    }

    @Test
    void groupKeysQuoteTheirValues() {
        assertThat(AlertLabels.groupKey(Map.of("target", "a\"b"))).isEqualTo("{target=\"a\\\"b\"}");
    }

    private static GroupNotification notification(String status, Alert... alerts) {
        return new GroupNotification("{kind=\"disk\"}", Map.of("kind", "disk"), status, List.of(alerts), T0);
    }

    private static Alert firing(String id, String severity, String summary) {
        return new Alert(
                Alert.FIRING, Map.of("alertname", id, "severity", severity), Map.of("summary", summary), T0, null, id);
    }

    private static Alert resolved(String id, String severity, String summary, Duration lasted) {
        return new Alert(
                Alert.RESOLVED,
                Map.of("alertname", id, "severity", severity),
                Map.of("summary", summary),
                T0,
                T0.plus(lasted),
                id);
    }
}

package dev.uniwizard.mesh.core.observatory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertNotificationTest {

    private static final Instant AT = Instant.parse("2026-11-23T08:00:00Z");

    private final AlertNotification notification = new AlertNotification(
            "4",
            "n-1",
            "{kind=\"disk\"}",
            Alert.FIRING,
            "observatory",
            Map.of("kind", "disk"),
            List.of(alert("disk:gw-1", "gw-1", "disk 93% used"), alert("disk:gw-2", "gw-2", "disk 95% used")),
            "FIRING",
            AT);

    @Test
    void carriesAlertmanagersDerivedFieldsForWebhookReceivers() throws Exception {
        JsonNode json = EnvelopeCodec.mapper().readTree(EnvelopeCodec.mapper().writeValueAsString(notification));

        assertThat(json.path("version").asText()).isEqualTo("4");
        assertThat(json.path("commonLabels").properties())
                .extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("kind", "severity");
        assertThat(json.at("/commonLabels/severity").asText()).isEqualTo("critical");
        assertThat(json.path("commonAnnotations").isEmpty()).isTrue();
        assertThat(json.path("externalURL").asText()).isEmpty();
        assertThat(json.path("truncatedAlerts").asInt()).isZero();
    }

    @Test
    void readsBackWhatItWrites() throws Exception {
        String written = EnvelopeCodec.mapper().writeValueAsString(notification);

        assertThat(EnvelopeCodec.mapper().readValue(written, AlertNotification.class))
                .isEqualTo(notification);
    }

    private static Alert alert(String check, String target, String summary) {
        return new Alert(
                Alert.FIRING,
                Map.of("alertname", check, "kind", "disk", "target", target, "severity", "critical"),
                Map.of("summary", summary),
                AT,
                null,
                check);
    }
}

package dev.uniwizard.mesh.core.payload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Helper methods on payload records must not become JSON fields: payloads are signed as they are written. */
class PayloadJsonTest {

    @Test
    void heartbeatsCarryOnlyTheirFields() {
        JsonNode json = EnvelopeCodec.payloadOf(
                new HeartbeatPayload("router", "router-1", "1.0", Instant.EPOCH, 3, HeartbeatPayload.UP, 5));

        assertThat(fields(json))
                .containsExactlyInAnyOrder(
                        "service", "instance", "version", "startedAt", "uptimeSeconds", "status", "intervalSeconds");
    }

    @Test
    void deliveryEventsCarryOnlyTheirFields() {
        DeliveryEventPayload event =
                new DeliveryEventPayload("r-1", "c-1", "telegram", DeliveryEventPayload.DELIVERED, 1, "");
        JsonNode json = EnvelopeCodec.payloadOf(event);

        assertThat(fields(json))
                .containsExactlyInAnyOrder("replyId", "correlationId", "platform", "outcome", "attempts", "detail");
        assertThat(json.get("outcome").asText()).isEqualTo("delivered");
        assertThat(event.delivered()).isTrue();
    }

    private static List<String> fields(JsonNode json) {
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

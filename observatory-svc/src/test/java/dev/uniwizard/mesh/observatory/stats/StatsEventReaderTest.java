package dev.uniwizard.mesh.observatory.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.payload.ToolCallEvent;
import dev.uniwizard.mesh.core.payload.TurnEvent;
import dev.uniwizard.mesh.core.signing.EnvelopeSigner;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatsEventReaderTest {

    private static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");
    private static final Instant RECEIVED = AT.plusSeconds(1);

    private final EnvelopeSigner ezra = StatsEvents.house("ezra-test");

    @Test
    void readsAGoodTurnWithItsEnvelope() throws InvalidStatsEvent {
        Envelope envelope = envelope(ezra, turn("ezra", "retried", 2, 250, 3, "scheduler", Map.of("operator", 1)));

        ReceivedEvent<TurnEvent> turn = StatsEventReader.turn(envelope, RECEIVED);

        assertThat(turn.envelopeId()).isEqualTo(envelope.id());
        assertThat(turn.nodeId()).isEqualTo("ezra-test");
        assertThat(turn.receivedAt()).isEqualTo(RECEIVED);
        assertThat(turn.event().durationMillis()).isEqualTo(250);
        assertThat(turn.event().sent()).containsEntry("operator", 1);
    }

    @Test
    void refusesTurnsWithFieldsOutOfRange() {
        assertInvalid(turn("ezra", "fine", 1, 5, 0, "operator", Map.of()), "bad_field", "outcome must be ok, retried");
        assertInvalid(turn("ezra", "ok", 0, 5, 0, "operator", Map.of()), "bad_field", "attempt must be at least 1");
        assertInvalid(turn("ezra", "ok", 1, -1, 0, "operator", Map.of()), "bad_field", "durationMillis");
        assertInvalid(turn("ezra", "ok", 1, 5, -2, "operator", Map.of()), "bad_field", "toolCalls");
        assertInvalid(turn("ezra", "ok", 1, 5, 0, null, Map.of()), "bad_field", "receivedFrom must be");
        assertInvalid(turn("ezra", "ok", 1, 5, 0, "operator", Map.of("operator", -1)), "bad_field", "sent must");
        assertInvalid(turn("ezra", "ok", 1, 5, 0, "operator", Map.of("Bad Key", 1)), "bad_field", "sent must");
        assertInvalid(
                new TurnEvent("ezra", "t", "c", "v", "simple", "ok", 1, 5, 0, "operator", Map.of(), null, null),
                "bad_field",
                "at (when it ended) is missing");
        assertInvalid(turn(null, "ok", 1, 5, 0, "operator", Map.of()), "bad_field", "house must be a house name");
    }

    @Test
    void refusesATurnAboutAnotherHouse() {
        assertInvalid(turn("timmy", "ok", 1, 5, 0, "operator", Map.of()), "not_the_house", "does not speak for");
        assertInvalid(turn("ezr", "ok", 1, 5, 0, "operator", Map.of()), "not_the_house", "house 'ezr'");
    }

    @Test
    void refusesAPayloadThatIsNotATurn() {
        Envelope envelope = envelope(ezra, Map.of("house", "ezra", "attempt", "first"));

        assertThatThrownBy(() -> StatsEventReader.turn(envelope, RECEIVED))
                .isInstanceOfSatisfying(
                        InvalidStatsEvent.class, e -> assertThat(e.reason()).isEqualTo("malformed"))
                .hasMessageContaining("TurnEvent");
    }

    @Test
    void readsAGoodToolCallAndRefusesBadOnes() throws InvalidStatsEvent {
        assertThat(StatsEventReader.toolCall(envelope(ezra, call("file_list", "ok", 1, 7)), RECEIVED)
                        .event()
                        .tool())
                .isEqualTo("file_list");
        assertInvalidCall(call(null, "ok", 1, 7), "tool must name the tool");
        assertInvalidCall(call("x".repeat(201), "ok", 1, 7), "tool must name the tool");
        assertInvalidCall(call("echo", "Not OK", 1, 7), "outcome must be ok or an error class");
        assertInvalidCall(call("echo", "ok", -1, 7), "attempts must not be negative");
        assertInvalidCall(call("echo", "ok", 1, -7), "latencyMillis must not be negative");
    }

    private static TurnEvent turn(
            String house,
            String outcome,
            int attempt,
            long duration,
            int toolCalls,
            String from,
            Map<String, Integer> sent) {
        return new TurnEvent(
                house, "t", "c", "v", "simple", outcome, attempt, duration, toolCalls, from, sent, null, AT);
    }

    private static ToolCallEvent call(String tool, String outcome, int attempts, long latency) {
        return new ToolCallEvent("ezra", tool, "sha256:00", outcome, attempts, latency, "simple", "v", "c", AT);
    }

    private static Envelope envelope(EnvelopeSigner signer, Object payload) {
        return signer.originate(EnvelopeKind.EVENT, "v", null, Sender.system(signer.nodeId()), payload, null);
    }

    private void assertInvalid(TurnEvent turn, String reason, String messagePart) {
        assertThatThrownBy(() -> StatsEventReader.turn(envelope(ezra, turn), RECEIVED))
                .isInstanceOfSatisfying(
                        InvalidStatsEvent.class, e -> assertThat(e.reason()).isEqualTo(reason))
                .hasMessageContaining(messagePart);
    }

    private void assertInvalidCall(ToolCallEvent call, String messagePart) {
        assertThatThrownBy(() -> StatsEventReader.toolCall(envelope(ezra, call), RECEIVED))
                .isInstanceOfSatisfying(
                        InvalidStatsEvent.class, e -> assertThat(e.reason()).isEqualTo("bad_field"))
                .hasMessageContaining(messagePart);
    }
}

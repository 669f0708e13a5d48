package dev.uniwizard.mesh.observatory.stats;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.payload.ToolCallEvent;
import dev.uniwizard.mesh.core.payload.TurnEvent;
import dev.uniwizard.mesh.core.signing.EnvelopeSigner;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.testkit.TestKeyring;
import io.nats.client.JetStream;
import io.nats.client.PublishOptions;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Publishes signed turn and tool-call events the way houses do, and looks them up in the store. */
final class StatsEvents {

    private final JetStream jetStream;
    private final Subjects subjects;
    private final Jdbi jdbi;

    StatsEvents(JetStream jetStream, Subjects subjects, Jdbi jdbi) {
        this.jetStream = jetStream;
        this.subjects = subjects;
        this.jdbi = jdbi;
    }

    static EnvelopeSigner house(String node) {
        return TestKeyring.shared().signer(node, NodeRole.HOUSE);
    }

    static TurnEvent turn(
            String house,
            String outcome,
            int attempt,
            long durationMillis,
            int toolCalls,
            String receivedFrom,
            Map<String, Integer> sent,
            Instant at) {
        return new TurnEvent(
                house,
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                "conversation-1",
                "simple",
                outcome,
                attempt,
                durationMillis,
                toolCalls,
                receivedFrom,
                sent,
                TurnEvent.FAILED.equals(outcome) ? "model_unavailable" : null,
                at);
    }

    static ToolCallEvent toolCall(String house, String tool, String outcome, Instant at) {
        return new ToolCallEvent(
                house,
                tool,
                "sha256:00",
                outcome,
                1,
                12,
                "simple",
                "conversation-1",
                UUID.randomUUID().toString(),
                at);
    }

    /** Publishes {@code payload} on {@code <root>.events.<type>}, signed by {@code signer}; returns the envelope. */
    Envelope publish(EnvelopeSigner signer, String type, Object payload) {
        Envelope envelope =
                signer.originate(EnvelopeKind.EVENT, "stats-test", null, Sender.system(signer.nodeId()), payload, null);
        try {
            jetStream.publish(
                    subjects.events(type),
                    EnvelopeCodec.toBytes(envelope),
                    PublishOptions.builder().messageId(envelope.id()).build());
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish a test event: " + e, e);
        }
        return envelope;
    }

    Envelope publishTurn(EnvelopeSigner signer, TurnEvent turn) {
        return publish(signer, Subjects.EVENT_TURN, turn);
    }

    Envelope publishToolCall(EnvelopeSigner signer, ToolCallEvent call) {
        return publish(signer, Subjects.EVENT_TOOL_CALL, call);
    }

    /** Rows with this envelope id in {@code table} (0 or 1). */
    int stored(String table, Envelope envelope) {
        return stored(table, envelope.id());
    }

    int stored(String table, String envelopeId) {
        return jdbi.withHandle(
                handle -> handle.createQuery("SELECT count(*) FROM " + table + " WHERE envelope_id = :id::uuid")
                        .bind("id", envelopeId)
                        .mapTo(Integer.class)
                        .one());
    }
}

package dev.uniwizard.mesh.testkit;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.JetStream;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;

/** Small things many service tests do. */
public final class MeshTestSupport {

    private MeshTestSupport() {}

    /** Publishes an envelope to JetStream the way services do (Nats-Msg-Id = envelope id). */
    public static PublishAck publish(JetStream jetStream, String subject, Envelope envelope) {
        try {
            return jetStream.publish(
                    subject,
                    EnvelopeCodec.toBytes(envelope),
                    PublishOptions.builder().messageId(envelope.id()).build());
        } catch (Exception e) {
            throw new AssertionError("could not publish " + envelope.id() + " to " + subject + ": " + e, e);
        }
    }

    /** The sum of a counter over every series with this tag. */
    public static double count(MeterRegistry registry, String name, String tag, String value) {
        return registry.find(name).tag(tag, value).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    /** Envelopes rejected for this reason so far ({@code mesh.envelopes.rejected}). */
    public static double rejected(MeterRegistry registry, String reason) {
        return count(registry, "mesh.envelopes.rejected", "reason", reason);
    }
}

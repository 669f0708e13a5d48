package dev.uniwizard.mesh.gateway.openai;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.payload.MessagePayload;
import dev.uniwizard.mesh.core.payload.ReplyPayload;
import dev.uniwizard.mesh.core.platform.Platforms;
import dev.uniwizard.mesh.core.signing.EnvelopeSigner;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.testkit.TestKeyring;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.JetStream;
import io.nats.client.PublishOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Plays router and house for the gateway under test: records every message on {@code in.openai} and answers it with
 * the replies {@code answer} makes, signed by a house key and published on {@code out.openai}, where the gateway's
 * reply watcher looks.
 */
final class HouseStandIn implements AutoCloseable {

    private final Connection connection;
    private final JetStream jetStream;
    private final Subjects subjects;
    private final EnvelopeSigner house = TestKeyring.shared().signer("ezra-test", NodeRole.HOUSE);
    private final List<Envelope> received = new CopyOnWriteArrayList<>();
    private final Dispatcher dispatcher;

    /** Answers with what {@code answer} makes for each message (an empty list: no answer). */
    HouseStandIn(
            Connection connection,
            JetStream jetStream,
            Subjects subjects,
            Function<Envelope, List<ReplyPayload>> answer) {
        this.connection = connection;
        this.jetStream = jetStream;
        this.subjects = subjects;
        this.dispatcher = connection.createDispatcher(msg -> {
            try {
                Envelope message = EnvelopeCodec.parse(msg.getData()).envelope();
                received.add(message);
                List<ReplyPayload> replies = answer.apply(message);
                for (int i = 0; i < replies.size(); i++) {
                    reply(message, "reply-" + i, replies.get(i));
                }
            } catch (Exception e) {
                throw new IllegalStateException("the test's router/house stand-in failed", e);
            }
        });
        dispatcher.subscribe(subjects.in(Platforms.OPENAI));
        flush();
    }

    static HouseStandIn silent(Connection connection, JetStream jetStream, Subjects subjects) {
        return new HouseStandIn(connection, jetStream, subjects, message -> List.of());
    }

    /** Publishes a reply to {@code message} as the house would. */
    void reply(Envelope message, String label, ReplyPayload payload) throws Exception {
        Envelope reply = house.follow(message, label, EnvelopeKind.REPLY, null, payload, null);
        jetStream.publish(
                subjects.out(Platforms.OPENAI),
                EnvelopeCodec.toBytes(reply),
                PublishOptions.builder().messageId(reply.id()).build());
    }

    /** Every message received so far; after a round trip to NATS, so what the gateway published before is in. */
    List<Envelope> received() {
        flush();
        return List.copyOf(received);
    }

    List<Envelope> receivedSoFar() {
        return List.copyOf(received);
    }

    static MessagePayload payload(Envelope message) {
        try {
            return EnvelopeCodec.readPayload(message, MessagePayload.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void flush() {
        try {
            connection.flush(Duration.ofSeconds(5));
        } catch (Exception e) {
            throw new AssertionError("NATS did not answer the flush: " + e, e);
        }
    }

    @Override
    public void close() {
        connection.closeDispatcher(dispatcher);
    }
}

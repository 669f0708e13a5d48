package dev.uniwizard.mesh.testkit;

import static org.awaitility.Awaitility.await;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.EnvelopeFormatException;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records every message on some subjects (core NATS sees what JetStream stores too), so a test can wait for what a
 * service published and look at it. Close it after the test.
 */
public final class SubjectRecorder implements AutoCloseable {

    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);

    private final Connection connection;
    private final Dispatcher dispatcher;
    private final List<Message> messages = new CopyOnWriteArrayList<>();

    private SubjectRecorder(Connection connection, String... subjects) {
        this.connection = connection;
        this.dispatcher = connection.createDispatcher(messages::add);
        for (String subject : subjects) {
            dispatcher.subscribe(subject);
        }
        try {
            // Round trip to the server, so the subscriptions exist before the test publishes anything.
            connection.flush(Duration.ofSeconds(5));
        } catch (Exception e) {
            throw new AssertionError("NATS did not confirm the subscriptions: " + e, e);
        }
    }

    /** Starts recording the given subjects (wildcards allowed). */
    public static SubjectRecorder watch(Connection connection, String... subjects) {
        return new SubjectRecorder(connection, subjects);
    }

    public List<Message> all() {
        return List.copyOf(messages);
    }

    /** Messages recorded on exactly this subject. */
    public List<Message> on(String subject) {
        return messages.stream().filter(m -> m.getSubject().equals(subject)).toList();
    }

    /** The envelopes recorded on this subject, parsed. */
    public List<Envelope> envelopesOn(String subject) {
        return on(subject).stream().map(SubjectRecorder::envelope).toList();
    }

    /** The payloads of the envelopes on this subject. */
    public <T> List<T> payloadsOn(String subject, Class<T> type) {
        return envelopesOn(subject).stream().map(e -> payload(e, type)).toList();
    }

    /** Waits for the first message on this subject. */
    public Message awaitFirst(String subject) {
        return await().atMost(DEFAULT_WAIT)
                .until(() -> on(subject).stream().findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    /** Waits for the first envelope on this subject and parses it. */
    public Envelope awaitEnvelope(String subject) {
        return envelope(awaitFirst(subject));
    }

    public static Envelope envelope(Message message) {
        try {
            return EnvelopeCodec.parse(message.getData()).envelope();
        } catch (EnvelopeFormatException e) {
            throw new AssertionError("not an envelope on " + message.getSubject() + ": " + e.getMessage(), e);
        }
    }

    public static <T> T payload(Envelope envelope, Class<T> type) {
        try {
            return EnvelopeCodec.readPayload(envelope, type);
        } catch (EnvelopeFormatException e) {
            throw new AssertionError("envelope " + envelope.id() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        connection.closeDispatcher(dispatcher);
    }
}

package dev.uniwizard.mesh.service.messaging;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.service.tracing.NatsTracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.Message;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends signed envelopes. Durable sends go through JetStream with {@code Nats-Msg-Id} set to the envelope id, so a
 * retried publish is stored once; the call returns only once the stream has stored the message.
 */
@Singleton
public class EnvelopePublisher {

    private final Connection connection;
    private final JetStream jetStream;
    private final NatsTracing tracing;
    private final MeterRegistry registry;

    public EnvelopePublisher(Connection connection, JetStream jetStream, NatsTracing tracing, MeterRegistry registry) {
        this.connection = connection;
        this.jetStream = jetStream;
        this.tracing = tracing;
        this.registry = registry;
    }

    /** Publishes to a stream and waits for the stream's acknowledgement. */
    public PublishAck publishDurable(String subject, Envelope envelope) {
        Message message = message(subject, envelope);
        try {
            PublishAck ack = jetStream.publish(
                    message, PublishOptions.builder().messageId(envelope.id()).build());
            count(subject, ack.isDuplicate() ? "duplicate" : "stored");
            return ack;
        } catch (IOException | JetStreamApiException e) {
            count(subject, "failed");
            throw new PublishFailedException(subject, envelope.id(), e);
        }
    }

    /** Fire-and-forget publish on core NATS (heartbeats and other state that the next message replaces). */
    public void publishCore(String subject, Envelope envelope) {
        connection.publish(message(subject, envelope));
        count(subject, "sent");
    }

    /** Core NATS request-reply; the raw reply for the caller to verify. */
    public Message request(String subject, Envelope envelope, Duration timeout) throws RequestFailedException {
        CompletableFuture<Message> reply = connection.request(message(subject, envelope));
        try {
            return reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            reply.cancel(true);
            throw new RequestFailedException("no answer on " + subject + " within " + timeout.toMillis() + " ms", e);
        } catch (CancellationException e) {
            // jnats cancels a request at once when the server reports that nobody subscribes to the subject.
            throw new RequestFailedException("no service answers on " + subject + " (no responders)", e);
        } catch (ExecutionException e) {
            throw new RequestFailedException(
                    "request on " + subject + " failed: " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RequestFailedException("interrupted while waiting on " + subject, e);
        }
    }

    /** Answers a request received on core NATS. */
    public void respond(Message request, Envelope envelope) {
        if (request.getReplyTo() == null) {
            throw new IllegalArgumentException("message on " + request.getSubject() + " has no reply subject");
        }
        connection.publish(message(request.getReplyTo(), envelope));
    }

    private Message message(String subject, Envelope envelope) {
        Headers headers = new Headers();
        tracing.inject(headers);
        return NatsMessage.builder()
                .subject(subject)
                .headers(headers)
                .data(EnvelopeCodec.toBytes(envelope))
                .build();
    }

    private void count(String subject, String outcome) {
        registry.counter("mesh.envelopes.published", "subject", subject, "outcome", outcome)
                .increment();
    }
}

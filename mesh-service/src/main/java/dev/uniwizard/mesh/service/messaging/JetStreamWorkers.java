package dev.uniwizard.mesh.service.messaging;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.payload.DeadLetterPayload;
import dev.uniwizard.mesh.core.signing.EnvelopeSigner;
import dev.uniwizard.mesh.core.signing.RejectionReason;
import dev.uniwizard.mesh.core.signing.Verification;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.service.security.EnvelopeGuard;
import dev.uniwizard.mesh.service.tracing.NatsTracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.nats.client.Connection;
import io.nats.client.ConsumeOptions;
import io.nats.client.ConsumerContext;
import io.nats.client.JetStreamApiException;
import io.nats.client.Message;
import io.nats.client.MessageConsumer;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs durable JetStream consumers. Each message is verified, handed to the handler, and acknowledged only after the
 * handler returned. Failures are retried with growing delays; after the last attempt, or on a permanent failure, the
 * message is published whole as a dead-letter event and then terminated. Rejected envelopes are terminated after the
 * guard recorded them. Nothing is dropped without a trace.
 */
@Singleton
public class JetStreamWorkers {

    private static final Logger LOG = Logger.getLogger(JetStreamWorkers.class);

    private final Connection connection;
    private final EnvelopeGuard guard;
    private final EnvelopePublisher publisher;
    private final EnvelopeSigner signer;
    private final Subjects subjects;
    private final NatsTracing tracing;
    private final MeterRegistry registry;
    private final List<Running> running = new CopyOnWriteArrayList<>();

    public JetStreamWorkers(
            Connection connection,
            EnvelopeGuard guard,
            EnvelopePublisher publisher,
            EnvelopeSigner signer,
            Subjects subjects,
            NatsTracing tracing,
            MeterRegistry registry) {
        this.connection = connection;
        this.guard = guard;
        this.publisher = publisher;
        this.signer = signer;
        this.subjects = subjects;
        this.tracing = tracing;
        this.registry = registry;
    }

    /** Creates or updates the durable consumer and starts taking messages. */
    public void start(WorkerSpec spec, EnvelopeHandler handler) {
        try {
            ConsumerContext consumer = connection
                    .getStreamContext(spec.stream())
                    .createOrUpdateConsumer(ConsumerConfiguration.builder()
                            .durable(spec.durable())
                            .filterSubject(spec.filterSubject())
                            .ackPolicy(AckPolicy.Explicit)
                            .deliverPolicy(DeliverPolicy.All)
                            .ackWait(spec.ackWait())
                            .maxDeliver(spec.maxDeliver())
                            .maxAckPending(Math.max(64, spec.concurrency() * 4))
                            .build());
            Running worker = new Running(spec, handler);
            worker.consumer = consumer.consume(
                    ConsumeOptions.builder()
                            .batchSize(Math.max(1, spec.concurrency()))
                            .build(),
                    worker::onMessage);
            running.add(worker);
            LOG.infof(
                    "consuming %s from stream %s as durable %s (concurrency %d, ack wait %s, max deliver %d)",
                    spec.filterSubject(),
                    spec.stream(),
                    spec.durable(),
                    spec.concurrency(),
                    spec.ackWait(),
                    spec.maxDeliver());
        } catch (IOException | JetStreamApiException e) {
            throw new IllegalStateException(
                    "cannot start consumer " + spec.durable() + " on stream " + spec.stream() + ": " + e.getMessage(),
                    e);
        }
    }

    void stopAll(@Observes ShutdownEvent event) {
        for (Running worker : running) {
            worker.stop();
        }
        running.clear();
    }

    private final class Running {
        private final WorkerSpec spec;
        private final EnvelopeHandler handler;
        private final Semaphore slots;
        private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        private final Timer timer;
        private volatile MessageConsumer consumer;

        Running(WorkerSpec spec, EnvelopeHandler handler) {
            this.spec = spec;
            this.handler = handler;
            this.slots = new Semaphore(spec.concurrency());
            this.timer = Timer.builder("mesh.worker.processing")
                    .tag("consumer", spec.durable())
                    .publishPercentileHistogram()
                    .register(registry);
        }

        void onMessage(Message message) throws InterruptedException {
            Span span = tracing.startConsumerSpan("process " + message.getSubject(), message.getHeaders());
            Verification verification;
            try (Scope ignored = span.makeCurrent()) {
                verification = guard.checkStored(message, spec.allowedRoles());
            }
            if (verification instanceof Verification.Rejected rejected) {
                long attempt = message.metaData().deliveredCount();
                if (rejected.reason() == RejectionReason.REPLAY && attempt > 1) {
                    // Redelivered while an earlier delivery is still being worked on here: let that one finish.
                    message.nakWithDelay(spec.ackWait());
                } else {
                    message.term();
                    outcome("rejected");
                }
                span.setStatus(StatusCode.ERROR, rejected.describe());
                span.end();
                return;
            }
            Envelope envelope = ((Verification.Accepted) verification).envelope();
            slots.acquire();
            Context context = Context.current().with(span);
            executor.execute(context.wrap(() -> {
                try {
                    process(envelope, message, span);
                } finally {
                    span.end();
                    slots.release();
                }
            }));
        }

        private void process(Envelope envelope, Message message, Span span) {
            long attempt = message.metaData().deliveredCount();
            Timer.Sample sample = Timer.start(registry);
            try (Scope ignored = span.makeCurrent()) {
                handler.handle(
                        envelope, new EnvelopeHandler.Delivery(message.getSubject(), attempt, message::inProgress));
                message.ack();
                outcome("done");
            } catch (EnvelopeHandler.PermanentFailure e) {
                span.setStatus(StatusCode.ERROR, e.getMessage());
                deadLetter(message, attempt, e.getMessage());
            } catch (Exception e) {
                span.setStatus(StatusCode.ERROR, e.toString());
                guard.release(envelope);
                if (attempt >= spec.maxDeliver()) {
                    deadLetter(message, attempt, e.toString());
                } else {
                    Duration delay = e instanceof EnvelopeHandler.RetryLater later
                            ? later.delay()
                            : Duration.ofMillis(Math.min(30_000, 500L << Math.min(10, attempt - 1)));
                    LOG.warnf(
                            "%s: envelope %s failed on attempt %d of %d, retrying in %d ms: %s",
                            spec.durable(), envelope.id(), attempt, spec.maxDeliver(), delay.toMillis(), e);
                    message.nakWithDelay(delay);
                    outcome("retried");
                }
            } finally {
                sample.stop(timer);
            }
        }

        private void deadLetter(Message message, long attempt, String reason) {
            LOG.errorf(
                    "%s: giving up on message %s after %d attempt(s): %s; publishing it as a dead letter",
                    spec.durable(), message.getSubject(), attempt, reason);
            try {
                DeadLetterPayload payload = new DeadLetterPayload(
                        spec.stream(),
                        message.getSubject(),
                        attempt,
                        reason,
                        new String(message.getData(), StandardCharsets.UTF_8));
                publisher.publishDurable(
                        subjects.events(Subjects.EVENT_DEAD_LETTER),
                        signer.originate(
                                EnvelopeKind.EVENT, "deadletter", null, Sender.system(signer.nodeId()), payload, null));
                message.term();
                outcome("dead_lettered");
            } catch (RuntimeException e) {
                // Keep the message in the stream rather than lose it: it is delivered again later.
                LOG.errorf("%s: dead-lettering failed (%s); leaving the message for redelivery", spec.durable(), e);
                message.nakWithDelay(spec.ackWait());
            }
        }

        private void outcome(String outcome) {
            registry.counter("mesh.worker.messages", "consumer", spec.durable(), "outcome", outcome)
                    .increment();
        }

        void stop() {
            MessageConsumer current = consumer;
            if (current != null) {
                current.stop();
            }
            executor.shutdown();
            try {
                if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                    LOG.warnf(
                            "%s: work still running at shutdown is left unacknowledged for redelivery", spec.durable());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

package dev.uniwizard.mesh.service.messaging;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.service.tracing.NatsTracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Answers NATS requests of a service (memory-svc's {@code memory.*}, Timmy's {@code approval.*}): every replica joins
 * one queue group, so each request reaches one of them; the work runs on virtual threads, never on the dispatcher
 * thread, with at most {@code maxInFlight} requests at a time. Each request is traced, timed in
 * {@code mesh.<name>.request{op}} and counted in {@code mesh.<name>.requests{op,outcome}}; a request without a reply
 * subject is counted in {@code mesh.<name>.unanswerable} and logged, as its outcome cannot be told.
 */
public final class RequestResponder implements AutoCloseable {

    /** Outcome counted when the handler throws. */
    public static final String INTERNAL_ERROR = "internal_error";

    private static final Logger LOG = Logger.getLogger(RequestResponder.class);

    /** Handles one request; must answer every input, bad ones with an error envelope, and never block forever. */
    @FunctionalInterface
    public interface Handler {
        Reply handle(String op, String subject, byte[] data);
    }

    /**
     * @param envelope the signed answer
     * @param outcome the metric tag of how it went ({@code ok}, {@code stored}, an error code...)
     */
    public record Reply(Envelope envelope, String outcome) {}

    private final String name;
    private final Connection connection;
    private final EnvelopePublisher publisher;
    private final NatsTracing tracing;
    private final MeterRegistry registry;
    private final Handler handler;
    private final Semaphore slots;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Dispatcher dispatcher;

    private RequestResponder(
            String name,
            Connection connection,
            EnvelopePublisher publisher,
            NatsTracing tracing,
            MeterRegistry registry,
            int maxInFlight,
            Handler handler) {
        this.name = name;
        this.connection = connection;
        this.publisher = publisher;
        this.tracing = tracing;
        this.registry = registry;
        this.handler = handler;
        this.slots = new Semaphore(Math.max(1, maxInFlight));
        this.dispatcher = connection.createDispatcher();
    }

    /**
     * Starts answering.
     *
     * @param name the metric and log name, e.g. {@code memory}
     * @param subjectsByOp the subject of each operation
     * @param queueGroup the queue group every replica joins
     */
    public static RequestResponder start(
            String name,
            Map<String, String> subjectsByOp,
            String queueGroup,
            int maxInFlight,
            Handler handler,
            Connection connection,
            EnvelopePublisher publisher,
            NatsTracing tracing,
            MeterRegistry registry) {
        RequestResponder responder =
                new RequestResponder(name, connection, publisher, tracing, registry, maxInFlight, handler);
        subjectsByOp.forEach((op, subject) -> {
            responder.dispatcher.subscribe(subject, queueGroup, message -> responder.submit(op, message));
            LOG.infof("answering %s in queue group %s", subject, queueGroup);
        });
        return responder;
    }

    /** Stops taking requests and waits up to 10 s for those running; callers of unfinished ones time out. */
    @Override
    public void close() {
        if (connection.getStatus() == Connection.Status.CONNECTED) {
            connection.closeDispatcher(dispatcher);
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warnf("%s requests still running at shutdown are left unanswered; their callers time out", name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs on the dispatcher thread: waits for a free slot, then hands the request to a virtual thread. */
    private void submit(String op, Message message) throws InterruptedException {
        slots.acquire();
        try {
            executor.execute(() -> {
                try {
                    process(op, message);
                } finally {
                    slots.release();
                }
            });
        } catch (RejectedExecutionException e) {
            slots.release();
            LOG.warnf("shutting down: %s %s request on %s left unanswered", name, op, message.getSubject());
        }
    }

    private void process(String op, Message message) {
        Timer.Sample sample = Timer.start(registry);
        Span span = tracing.startConsumerSpan(name + " " + op, message.getHeaders());
        try (Scope ignored = span.makeCurrent()) {
            Reply reply = handler.handle(op, message.getSubject(), message.getData());
            registry.counter("mesh." + name + ".requests", "op", op, "outcome", reply.outcome())
                    .increment();
            if (message.getReplyTo() == null) {
                registry.counter("mesh." + name + ".unanswerable", "op", op).increment();
                LOG.warnf(
                        "%s %s request on %s has no reply subject, so its outcome '%s' cannot be answered"
                                + " (send it as a request)",
                        name, op, message.getSubject(), reply.outcome());
                return;
            }
            publisher.respond(message, reply.envelope());
        } catch (RuntimeException e) {
            registry.counter("mesh." + name + ".requests", "op", op, "outcome", INTERNAL_ERROR)
                    .increment();
            LOG.errorf(e, "%s %s request on %s could not be answered", name, op, message.getSubject());
        } finally {
            span.end();
            sample.stop(registry.timer("mesh." + name + ".request", "op", op));
        }
    }
}

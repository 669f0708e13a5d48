package dev.uniwizard.mesh.memory.messaging;

import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.memory.config.MemoryConfig;
import dev.uniwizard.mesh.service.messaging.EnvelopePublisher;
import dev.uniwizard.mesh.service.nats.StreamProvisioning;
import dev.uniwizard.mesh.service.tracing.NatsTracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Answers memory requests on {@code <root>.memory.append} and {@code <root>.memory.history}. Every replica joins the
 * queue group {@value #QUEUE_GROUP}, so each request reaches one of them. The database work runs on virtual threads,
 * never on the NATS dispatcher thread, with at most {@code memory.max-in-flight} requests at a time.
 */
@Startup(100)
@Singleton
public class MemoryRequestListener {

    static final String QUEUE_GROUP = "memory-svc";

    private static final Logger LOG = Logger.getLogger(MemoryRequestListener.class);

    private final Connection connection;
    private final Subjects subjects;
    private final MemoryRequestHandler handler;
    private final EnvelopePublisher publisher;
    private final NatsTracing tracing;
    private final MeterRegistry registry;
    private final Semaphore slots;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private volatile Dispatcher dispatcher;

    public MemoryRequestListener(
            StreamProvisioning provisioned,
            Connection connection,
            Subjects subjects,
            MemoryRequestHandler handler,
            EnvelopePublisher publisher,
            NatsTracing tracing,
            MeterRegistry registry,
            MemoryConfig config) {
        this.connection = connection;
        this.subjects = subjects;
        this.handler = handler;
        this.publisher = publisher;
        this.tracing = tracing;
        this.registry = registry;
        this.slots = new Semaphore(Math.max(1, config.maxInFlight()));
    }

    @PostConstruct
    void start() {
        dispatcher = connection.createDispatcher();
        for (String op : new String[] {Subjects.MEMORY_APPEND, Subjects.MEMORY_HISTORY}) {
            String subject = subjects.memory(op);
            dispatcher.subscribe(subject, QUEUE_GROUP, message -> submit(op, message));
            LOG.infof("answering %s in queue group %s", subject, QUEUE_GROUP);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        Dispatcher current = dispatcher;
        if (current != null) {
            connection.closeDispatcher(current);
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("memory requests still running at shutdown are left unanswered; their callers time out");
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
            LOG.warnf("shutting down: %s request on %s left unanswered", op, message.getSubject());
        }
    }

    private void process(String op, Message message) {
        Timer.Sample sample = Timer.start(registry);
        Span span = tracing.startConsumerSpan("memory " + op, message.getHeaders());
        try (Scope ignored = span.makeCurrent()) {
            Answer answer = handler.handle(op, message.getSubject(), message.getData());
            registry.counter("mesh.memory.requests", "op", op, "outcome", answer.outcome())
                    .increment();
            if (message.getReplyTo() == null) {
                registry.counter("mesh.memory.unanswerable", "op", op).increment();
                LOG.warnf(
                        "%s request on %s has no reply subject, so its outcome '%s' cannot be answered"
                                + " (send it as a request)",
                        op, message.getSubject(), answer.outcome());
                return;
            }
            publisher.respond(message, answer.envelope());
        } catch (RuntimeException e) {
            registry.counter("mesh.memory.requests", "op", op, "outcome", Outcomes.INTERNAL_ERROR)
                    .increment();
            LOG.errorf(e, "%s request on %s could not be answered", op, message.getSubject());
        } finally {
            span.end();
            sample.stop(registry.timer("mesh.memory.request", "op", op));
        }
    }
}

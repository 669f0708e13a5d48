package dev.uniwizard.mesh.house.messaging;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.EnvelopeFormatException;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.envelope.Ids;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.payload.MemoryAppendRequest;
import dev.uniwizard.mesh.core.payload.ReplyAddress;
import dev.uniwizard.mesh.core.payload.ReplyPayload;
import dev.uniwizard.mesh.core.payload.SecurityEventPayload;
import dev.uniwizard.mesh.core.payload.StoredMessage;
import dev.uniwizard.mesh.core.payload.TaskPayload;
import dev.uniwizard.mesh.core.signing.EnvelopeSigner;
import dev.uniwizard.mesh.core.streams.MeshStreams;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.core.trust.TrustStore;
import dev.uniwizard.mesh.core.trust.TrustedNode;
import dev.uniwizard.mesh.house.config.HouseConfig;
import dev.uniwizard.mesh.house.config.HouseMode;
import dev.uniwizard.mesh.house.engine.TurnContext;
import dev.uniwizard.mesh.house.gates.LedgerStore;
import dev.uniwizard.mesh.house.runtime.ModeRequest;
import dev.uniwizard.mesh.house.runtime.ModelUnavailableException;
import dev.uniwizard.mesh.house.runtime.TaskProcessor;
import dev.uniwizard.mesh.house.runtime.TurnMessage;
import dev.uniwizard.mesh.house.runtime.TurnResult;
import dev.uniwizard.mesh.service.memory.MemoryClient;
import dev.uniwizard.mesh.service.messaging.EnvelopeHandler;
import dev.uniwizard.mesh.service.messaging.EnvelopePublisher;
import dev.uniwizard.mesh.service.messaging.JetStreamWorkers;
import dev.uniwizard.mesh.service.messaging.RequestFailedException;
import dev.uniwizard.mesh.service.messaging.WorkerSpec;
import dev.uniwizard.mesh.service.nats.StreamProvisioning;
import dev.uniwizard.mesh.service.security.SecurityEvents;
import dev.uniwizard.mesh.service.tracing.NatsTracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Takes the house's tasks ({@code <root>.task.<house>}, from the router and the scheduler only, see
 * {@link TaskOrigins}) and answers each one. Per task: compute the reply, store the operator's message and the reply in
 * memory, publish the reply on {@code <root>.out.<platform>}, record the turn ({@link TurnRecorder}), and only then let
 * the worker acknowledge. If memory is unreachable the task stays in the stream and is delivered
 * again; as the reply's id derives from the task's, a redelivery publishes the same reply id (deduplicated by
 * JetStream) and memory stores each message once.
 */
@Startup(200)
@Singleton
public class TaskConsumer implements EnvelopeHandler {

    private static final Logger LOG = Logger.getLogger(TaskConsumer.class);

    static final String BAD_TASK = "bad_task";
    static final String MODEL_UNAVAILABLE = "model_unavailable";

    private final HouseConfig config;
    private final JetStreamWorkers workers;
    private final MeshStreams streams;
    private final Subjects subjects;
    private final TaskProcessor processor;
    private final EnvelopeSigner signer;
    private final EnvelopePublisher publisher;
    private final MemoryClient memory;
    private final NatsTracing tracing;
    private final MeterRegistry registry;
    private final LedgerStore ledgers;
    private final TrustStore trust;
    private final Clock clock;
    private final SecurityEvents securityEvents;
    private final TurnRecorder turns;
    private final Duration keepAliveEvery;
    private volatile int maxDeliver = Integer.MAX_VALUE;
    private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "task-keepalive");
        thread.setDaemon(true);
        return thread;
    });

    public TaskConsumer(
            StreamProvisioning provisioned,
            HouseConfig config,
            JetStreamWorkers workers,
            MeshStreams streams,
            Subjects subjects,
            TaskProcessor processor,
            EnvelopeSigner signer,
            EnvelopePublisher publisher,
            MemoryClient memory,
            NatsTracing tracing,
            MeterRegistry registry,
            LedgerStore ledgers,
            TrustStore trust,
            Clock clock,
            SecurityEvents securityEvents,
            TurnRecorder turns) {
        this.securityEvents = securityEvents;
        this.turns = turns;
        this.config = config;
        this.workers = workers;
        this.streams = streams;
        this.subjects = subjects;
        this.processor = processor;
        this.signer = signer;
        this.publisher = publisher;
        this.memory = memory;
        this.tracing = tracing;
        this.registry = registry;
        this.ledgers = ledgers;
        this.trust = trust;
        this.clock = clock;
        this.keepAliveEvery = config.taskAckWait().dividedBy(3);
    }

    @PostConstruct
    void start() {
        HouseConfig.validate(config);
        WorkerSpec spec = WorkerSpec.of(
                        streams.tasks(), "house-" + config.name(), subjects.task(config.name()), TaskOrigins.ROLES)
                .withConcurrency(config.concurrency())
                .withAckWait(config.taskAckWait());
        maxDeliver = spec.maxDeliver();
        workers.start(spec, this);
        LOG.infof("house %s (%s) is taking tasks in %s mode", config.name(), config.title(), config.mode());
    }

    /**
     * Answers one task. A task refused for its origin is a security event, not a turn; every other task the house
     * finishes with (answered, or given up for good) is recorded by the {@link TurnRecorder}. A failure that JetStream
     * will deliver again records nothing.
     */
    @Override
    public void handle(Envelope task, Delivery delivery) throws RequestFailedException, PermanentFailure {
        checkOrigin(task, delivery.subject());
        long started = System.nanoTime();
        TaskPayload payload = readTask(task);
        HouseMode mode = ModeRequest.of(config.mode(), payload == null ? null : payload.text())
                .mode();
        Timer.Sample sample = Timer.start(registry);
        String outcome = "failed";
        ScheduledFuture<?> ticker = keepAlive.scheduleAtFixedRate(
                delivery::stillWorking, keepAliveEvery.toMillis(), keepAliveEvery.toMillis(), TimeUnit.MILLISECONDS);
        try {
            String platform = replyPlatform(task, payload);
            rememberRequest(task, payload);
            TurnResult answer = answer(task, payload, platform, delivery);
            Envelope reply = signer.follow(
                    task,
                    "reply",
                    EnvelopeKind.REPLY,
                    config.name(),
                    answer.reply().withReplyTo(replyAddress(payload)),
                    tracing.currentTraceparent());
            remember(task, answer, reply);
            publisher.publishDurable(subjects.out(platform), reply);
            outcome = answer.reply().status();
            LOG.debugf("answered task %s with reply %s (%s) on %s", task.id(), reply.id(), outcome, platform);
            turns.answered(task, mode, answer, platform, delivery.attempt(), since(started));
        } catch (PermanentFailure e) {
            turns.gaveUp(task, mode, delivery.attempt(), since(started));
            throw e;
        } catch (RequestFailedException | RuntimeException e) {
            if (delivery.attempt() >= maxDeliver) { // JetStream delivers it no more: it is dead-lettered
                turns.gaveUp(task, mode, delivery.attempt(), since(started));
            }
            throw e;
        } finally {
            ticker.cancel(false);
            sample.stop(registry.timer("mesh.house.task", "house", config.name(), "outcome", outcome));
        }
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /**
     * Refuses a task from a node that may not give houses work ({@link TaskOrigins}): counted in
     * {@code mesh.house.refused{house,reason}}, logged in {@code mesh.security}, reported as a security event, and
     * dead-lettered (kept, not processed). Nobody is answered: no operator is waiting for it.
     */
    private void checkOrigin(Envelope task, String subject) throws PermanentFailure {
        NodeRole role = trust.find(task.nodeId()).map(TrustedNode::role).orElse(null);
        Optional<TaskOrigins.Violation> violation = TaskOrigins.check(role, task);
        if (violation.isEmpty()) {
            return;
        }
        String reason = violation.get().reason();
        String detail = violation.get().detail();
        registry.counter("mesh.house.refused", "house", config.name(), "reason", reason)
                .increment();
        securityEvents.report(
                "house " + config.name() + " refused task " + task.id() + " on " + subject + ": " + detail + " ("
                        + reason + ")",
                new SecurityEventPayload(reason, detail, subject, task.id(), task.nodeId()),
                tracing.currentTraceparent());
        throw new PermanentFailure(reason + ": " + detail);
    }

    /** The task's payload, or null when it cannot be read (it is then answered with an error, not dropped). */
    private static TaskPayload readTask(Envelope task) {
        try {
            return EnvelopeCodec.readPayload(task, TaskPayload.class);
        } catch (EnvelopeFormatException e) {
            return null;
        }
    }

    private TurnResult answer(Envelope task, TaskPayload payload, String platform, Delivery delivery)
            throws RequestFailedException {
        if (payload == null) {
            return TurnResult.of(ReplyPayload.error(
                    config.name(), BAD_TASK, "The task could not be read: its payload is not a task."));
        }
        if (task.kind() != EnvelopeKind.TASK) {
            return TurnResult.of(ReplyPayload.error(
                    config.name(),
                    BAD_TASK,
                    "A house takes tasks, not " + task.kind().wireName() + " envelopes."));
        }
        List<StoredMessage> history =
                memory.history(task, task.conversationId(), config.historyLimit()).messages().stream()
                        .filter(message ->
                                !task.correlationId().equals(message.envelopeId())) // this task's own message
                        .toList();
        ModeRequest mode = ModeRequest.of(config.mode(), payload.text());
        AtomicInteger notices = new AtomicInteger();
        TurnContext turn = new TurnContext(
                task,
                mode.mode(),
                mode.approvalsRequired(),
                ledgers.ledger(task.conversationId(), history),
                clock.instant().plus(config.loop().timeBudget()),
                delivery::stillWorking,
                text -> notifyOperator(task, platform, "notice-" + notices.incrementAndGet(), text));
        try {
            return processor.process(turn, mode, history);
        } catch (ModelUnavailableException e) {
            return modelUnavailable(task, payload, platform, delivery, e);
        }
    }

    /**
     * The model is down and nothing was changed: try the task again later (telling the operator once), and after
     * {@code house.loop.model-attempts-per-task} deliveries answer that the model is unavailable.
     */
    private TurnResult modelUnavailable(
            Envelope task, TaskPayload payload, String platform, Delivery delivery, ModelUnavailableException e)
            throws RequestFailedException {
        int attempts = config.loop().modelAttemptsPerTask();
        if (delivery.attempt() < attempts) {
            if (delivery.attempt() == 1) {
                notifyOperator(
                        task,
                        platform,
                        "model-wait",
                        e.getMessage() + ". Your message is kept and will be tried again automatically (up to "
                                + attempts + " attempts).");
            }
            throw new RequestFailedException(
                    e.getMessage() + " (attempt " + delivery.attempt() + " of " + attempts
                            + ", the task will be delivered again)",
                    e);
        }
        return TurnResult.of(ReplyPayload.error(
                config.name(),
                MODEL_UNAVAILABLE,
                e.getMessage() + ". Tried " + attempts + " times; your message is stored in conversation "
                        + task.conversationId() + ". Send it again when the model is back."));
    }

    /** An interim reply (status pending) on the operator's platform; its id derives from the task and label. */
    private void notifyOperator(Envelope task, String platform, String label, String text) {
        Envelope notice = signer.follow(
                task,
                label,
                EnvelopeKind.REPLY,
                config.name(),
                ReplyPayload.pending(config.name(), text).withReplyTo(replyAddress(readTask(task))),
                tracing.currentTraceparent());
        try {
            publisher.publishDurable(subjects.out(platform), notice);
        } catch (RuntimeException e) {
            LOG.warnf("house %s: could not send the notice '%s' for task %s: %s", config.name(), text, task.id(), e);
        }
    }

    /**
     * Stores the turn's model steps and tool results (under ids derived from the task) and then the reply (under the
     * reply's id). The operator's message was stored (under its correlation id) before the turn began, so a long turn
     * or an approval wait shows in the conversation from the start.
     */
    private void rememberRequest(Envelope task, TaskPayload payload) throws RequestFailedException {
        memory.append(
                task,
                new MemoryAppendRequest(
                        task.conversationId(),
                        task.correlationId(),
                        "user",
                        config.name(),
                        task.sender(),
                        payload == null ? String.valueOf(task.payload()) : payload.text(),
                        task.ts()));
    }

    private void remember(Envelope task, TurnResult answer, Envelope reply) throws RequestFailedException {
        Sender house = new Sender("mesh", signer.nodeId(), config.title());
        for (TurnMessage message : answer.transcript()) {
            memory.append(
                    task,
                    new MemoryAppendRequest(
                            task.conversationId(),
                            Ids.derive(task.id(), message.label()),
                            message.role(),
                            config.name(),
                            house,
                            message.content(),
                            clock.instant(),
                            message.toolCalls()));
        }
        memory.append(
                task,
                new MemoryAppendRequest(
                        task.conversationId(),
                        reply.id(),
                        "assistant",
                        config.name(),
                        house,
                        answer.reply().text(),
                        reply.ts()));
    }

    /** Where on the platform the replies go (chat, thread...), as the task carries it. */
    private static ReplyAddress replyAddress(TaskPayload payload) {
        return payload == null ? null : payload.replyTo();
    }

    /** The platform the task asked for, else the operator's platform; without either nobody could hear back. */
    private static String replyPlatform(Envelope task, TaskPayload payload) throws PermanentFailure {
        if (payload != null && Subjects.isToken(payload.replyPlatform())) {
            return payload.replyPlatform();
        }
        String senderPlatform = task.sender() == null ? null : task.sender().platform();
        if (Subjects.isToken(senderPlatform)) {
            return senderPlatform;
        }
        throw new PermanentFailure("task " + task.id() + " names no usable reply platform (reply platform '"
                + (payload == null ? null : payload.replyPlatform()) + "', sender platform '" + senderPlatform
                + "'), so no reply can be delivered");
    }

    @PreDestroy
    void stop() {
        keepAlive.shutdownNow();
    }
}

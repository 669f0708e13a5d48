package dev.uniwizard.mesh.house.messaging;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.EnvelopeFormatException;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.payload.MemoryAppendRequest;
import dev.uniwizard.mesh.core.payload.ReplyPayload;
import dev.uniwizard.mesh.core.payload.TaskPayload;
import dev.uniwizard.mesh.core.signing.EnvelopeSigner;
import dev.uniwizard.mesh.core.streams.MeshStreams;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.house.config.HouseConfig;
import dev.uniwizard.mesh.house.runtime.TaskProcessor;
import dev.uniwizard.mesh.service.memory.MemoryClient;
import dev.uniwizard.mesh.service.messaging.EnvelopeHandler;
import dev.uniwizard.mesh.service.messaging.EnvelopePublisher;
import dev.uniwizard.mesh.service.messaging.JetStreamWorkers;
import dev.uniwizard.mesh.service.messaging.RequestFailedException;
import dev.uniwizard.mesh.service.messaging.WorkerSpec;
import dev.uniwizard.mesh.service.nats.StreamProvisioning;
import dev.uniwizard.mesh.service.tracing.NatsTracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Takes the house's tasks ({@code <root>.task.<house>}, from routers only) and answers each one. Per task: compute the
 * reply, store the operator's message and the reply in memory, publish the reply on {@code <root>.out.<platform>},
 * and only then let the worker acknowledge. If memory is unreachable the task stays in the stream and is delivered
 * again; as the reply's id derives from the task's, a redelivery publishes the same reply id (deduplicated by
 * JetStream) and memory stores each message once.
 */
@Startup(200)
@Singleton
public class TaskConsumer implements EnvelopeHandler {

    private static final Logger LOG = Logger.getLogger(TaskConsumer.class);

    static final String BAD_TASK = "bad_task";

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
            MeterRegistry registry) {
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
    }

    @PostConstruct
    void start() {
        HouseConfig.validate(config);
        workers.start(
                WorkerSpec.of(
                                streams.tasks(),
                                "house-" + config.name(),
                                subjects.task(config.name()),
                                Set.of(NodeRole.ROUTER))
                        .withConcurrency(config.concurrency())
                        .withAckWait(config.taskAckWait()),
                this);
        LOG.infof("house %s (%s) is taking tasks in %s mode", config.name(), config.title(), config.mode());
    }

    @Override
    public void handle(Envelope task, Delivery delivery) throws RequestFailedException, PermanentFailure {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "failed";
        try {
            Answer answer = answer(task);
            String platform = replyPlatform(task, answer.payload());
            Envelope reply = signer.follow(
                    task, "reply", EnvelopeKind.REPLY, config.name(), answer.reply(), tracing.currentTraceparent());
            remember(task, answer, reply);
            publisher.publishDurable(subjects.out(platform), reply);
            outcome = answer.reply().status();
            LOG.debugf("answered task %s with reply %s (%s) on %s", task.id(), reply.id(), outcome, platform);
        } finally {
            sample.stop(registry.timer("mesh.house.task", "house", config.name(), "outcome", outcome));
        }
    }

    /** The reply to a task; a task that cannot be read is answered with an error, not dropped. */
    private Answer answer(Envelope task) {
        TaskPayload payload;
        try {
            payload = EnvelopeCodec.readPayload(task, TaskPayload.class);
        } catch (EnvelopeFormatException e) {
            return new Answer(
                    null,
                    String.valueOf(task.payload()),
                    ReplyPayload.error(config.name(), BAD_TASK, "The task could not be read: " + e.getMessage()));
        }
        if (task.kind() != EnvelopeKind.TASK) {
            return new Answer(
                    payload,
                    payload.text(),
                    ReplyPayload.error(
                            config.name(),
                            BAD_TASK,
                            "A house takes tasks, not " + task.kind().wireName() + " envelopes."));
        }
        return new Answer(payload, payload.text(), processor.process(payload));
    }

    /** Stores the operator's message (under its original id) and then the reply (under the reply's id). */
    private void remember(Envelope task, Answer answer, Envelope reply) throws RequestFailedException {
        memory.append(
                task,
                new MemoryAppendRequest(
                        task.conversationId(),
                        task.correlationId(),
                        "user",
                        config.name(),
                        task.sender(),
                        answer.request() == null ? "" : answer.request(),
                        task.ts()));
        memory.append(
                task,
                new MemoryAppendRequest(
                        task.conversationId(),
                        reply.id(),
                        "assistant",
                        config.name(),
                        new Sender("mesh", signer.nodeId(), config.title()),
                        answer.reply().text(),
                        reply.ts()));
    }

    /** The platform the task asked for, else the operator's platform; without either nobody could hear back. */
    private String replyPlatform(Envelope task, TaskPayload payload) throws PermanentFailure {
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

    /**
     * @param payload the task's payload, null when it could not be read
     * @param request the operator's text as stored in memory
     * @param reply what the house answers
     */
    private record Answer(TaskPayload payload, String request, ReplyPayload reply) {}
}

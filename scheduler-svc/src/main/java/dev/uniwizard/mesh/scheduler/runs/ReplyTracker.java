package dev.uniwizard.mesh.scheduler.runs;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.EnvelopeFormatException;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.envelope.Ids;
import dev.uniwizard.mesh.core.jobs.JobRunView;
import dev.uniwizard.mesh.core.payload.ReplyPayload;
import dev.uniwizard.mesh.core.platform.Platforms;
import dev.uniwizard.mesh.core.signing.Verification;
import dev.uniwizard.mesh.core.streams.MeshStreams;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.scheduler.firing.TaskFactory;
import dev.uniwizard.mesh.scheduler.store.RunUpdates;
import dev.uniwizard.mesh.service.security.EnvelopeGuard;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Connection;
import io.nats.client.Message;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Records the houses' answers to scheduled tasks. Reads every reply on {@code <root>.out.>} (durable consumer
 * {@code scheduler-replies}, shared by the nodes) and acts on those whose sender is a job (sender platform
 * {@code scheduler}): {@code ok} ends the run as {@code ok}, {@code error} as {@code failed}, {@code pending} notes the
 * notice and keeps it running. The run is found by the reply's correlation id, which is the task's id. An answer that
 * arrives before its firing transaction committed is retried for a few seconds. Counted in
 * {@code mesh_scheduler_replies_total{outcome}}.
 */
@Singleton
public class ReplyTracker {

    private static final Logger LOG = Logger.getLogger(ReplyTracker.class);

    public static final String DURABLE = "scheduler-replies";

    private static final Set<NodeRole> REPLIERS = Set.of(NodeRole.HOUSE, NodeRole.ROUTER, NodeRole.SERVICE);
    private static final int UNKNOWN_RUN_ATTEMPTS = 10;
    private static final int MAX_DETAIL = 500;

    private final Connection connection;
    private final MeshStreams streams;
    private final Subjects subjects;
    private final EnvelopeGuard guard;
    private final RunUpdates runs;
    private final MeterRegistry registry;
    private final Clock clock;
    private DurableConsumer consumer;

    public ReplyTracker(
            Connection connection,
            MeshStreams streams,
            Subjects subjects,
            EnvelopeGuard guard,
            RunUpdates runs,
            MeterRegistry registry,
            Clock clock) {
        this.connection = connection;
        this.streams = streams;
        this.subjects = subjects;
        this.guard = guard;
        this.runs = runs;
        this.registry = registry;
        this.clock = clock;
    }

    public synchronized void start() {
        if (consumer == null) {
            consumer = DurableConsumer.start(
                    connection,
                    streams.outbound(),
                    DURABLE,
                    subjects.outAll(),
                    Duration.ofSeconds(30),
                    this::onMessage);
        }
    }

    public synchronized void stop() {
        if (consumer != null) {
            consumer.close();
            consumer = null;
        }
    }

    /** Never throws: a failure is retried by redelivery. */
    void onMessage(Message message) {
        Envelope envelope = null;
        try {
            envelope = EnvelopeCodec.parse(message.getData()).envelope();
            if (envelope.kind() != EnvelopeKind.REPLY
                    || envelope.sender() == null
                    || !TaskFactory.SENDER_PLATFORM.equals(envelope.sender().platform())) {
                message.ack(); // not an answer to a job
                return;
            }
            if (!(guard.checkStored(message, REPLIERS) instanceof Verification.Accepted accepted)) {
                message.term(); // the guard has logged, counted and reported it
                count("rejected");
                return;
            }
            envelope = accepted.envelope();
            RunUpdates.Result result = record(envelope);
            if (result == RunUpdates.Result.UNKNOWN && message.metaData().deliveredCount() < UNKNOWN_RUN_ATTEMPTS) {
                guard.release(envelope);
                message.nakWithDelay(Duration.ofSeconds(1));
                count("retried");
                return;
            }
            if (result == RunUpdates.Result.UNKNOWN) {
                LOG.warnf(
                        "reply %s from %s answers task %s of job %s, but no run has that task (was the job deleted?)",
                        envelope.id(),
                        envelope.nodeId(),
                        envelope.correlationId(),
                        envelope.sender().userId());
            }
            message.ack();
            count(result.name().toLowerCase(java.util.Locale.ROOT));
        } catch (EnvelopeFormatException e) {
            message.ack();
            count("malformed");
            if (message.getSubject().equals(subjects.out(Platforms.SCHEDULER))) {
                // Nobody but the scheduler reads this subject: say so rather than drop it silently.
                LOG.warnf("unreadable message on %s, not a reply to a job: %s", message.getSubject(), e.getMessage());
            } // other platforms' consumers (the gateway's) report what they cannot read
        } catch (RuntimeException e) {
            if (envelope != null) {
                guard.release(envelope);
            }
            LOG.warnf("recording reply on %s failed, retrying: %s", message.getSubject(), e.toString());
            message.nakWithDelay(Duration.ofSeconds(2));
            count("failed");
        }
    }

    private RunUpdates.Result record(Envelope reply) {
        if (!Ids.isValid(reply.correlationId())) {
            LOG.warnf(
                    "reply %s from %s names no task (correlation id %s)",
                    reply.id(), reply.nodeId(), reply.correlationId());
            return RunUpdates.Result.ALREADY_FINISHED;
        }
        UUID taskId = UUID.fromString(reply.correlationId());
        // The house signed the answer when it had it: that, not when this node read it, ends the run.
        Instant answeredAt = reply.ts() != null ? reply.ts() : clock.instant();
        ReplyPayload payload;
        try {
            payload = EnvelopeCodec.readPayload(reply, ReplyPayload.class);
        } catch (EnvelopeFormatException e) {
            return runs.answered(
                    taskId, JobRunView.FAILED, "the answer could not be read: " + e.getMessage(), answeredAt);
        }
        String text = firstLine(payload.text());
        if (ReplyPayload.PENDING.equals(payload.status())) {
            return runs.notice(taskId, text);
        }
        if (ReplyPayload.OK.equals(payload.status())) {
            return runs.answered(taskId, JobRunView.OK, text, answeredAt);
        }
        String code = payload.errorCode() == null ? "error" : payload.errorCode();
        return runs.answered(taskId, JobRunView.FAILED, code + ": " + text, answeredAt);
    }

    static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        String line = text.strip();
        int newline = line.indexOf('\n');
        if (newline >= 0) {
            line = line.substring(0, newline).strip() + " …";
        }
        return line.length() > MAX_DETAIL ? line.substring(0, MAX_DETAIL) + "…" : line;
    }

    private void count(String outcome) {
        registry.counter("mesh.scheduler.replies", "outcome", outcome).increment();
    }
}

package dev.uniwizard.mesh.house.messaging;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.payload.ReplyPayload;
import dev.uniwizard.mesh.core.payload.TurnEvent;
import dev.uniwizard.mesh.core.signing.EnvelopeSigner;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.TrustStore;
import dev.uniwizard.mesh.core.trust.TrustedNode;
import dev.uniwizard.mesh.house.config.HouseConfig;
import dev.uniwizard.mesh.house.config.HouseMode;
import dev.uniwizard.mesh.house.engine.ToolOutcome;
import dev.uniwizard.mesh.house.runtime.TurnResult;
import dev.uniwizard.mesh.service.messaging.EnvelopePublisher;
import dev.uniwizard.mesh.service.tracing.NatsTracing;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Records each task the house finished with: counts it in {@code mesh.house.turns{house,outcome}} and publishes a
 * signed {@link TurnEvent} on {@code <root>.events.turn} (durable, kept by the EVENTS stream for per-agent stats). The
 * event's id derives from the task's id, so a redelivered task that publishes again is stored once by JetStream. A
 * publish failure is logged at WARN and never fails the task.
 */
@Singleton
public class TurnRecorder {

    private static final Logger LOG = Logger.getLogger(TurnRecorder.class);

    /** Counter of finished turns, tags {@code house} and {@code outcome}. */
    public static final String TURNS = "mesh.house.turns";

    /** The {@link TurnEvent#errorCode()} of a task given up without a reply. */
    public static final String GIVEN_UP = "given_up";

    /** The label the event's id derives from, with the task's id. */
    static final String LABEL = "turn";

    private final String house;
    private final EnvelopeSigner signer;
    private final EnvelopePublisher publisher;
    private final Subjects subjects;
    private final NatsTracing tracing;
    private final MeterRegistry meters;
    private final TrustStore trust;
    private final Clock clock;

    public TurnRecorder(
            HouseConfig config,
            EnvelopeSigner signer,
            EnvelopePublisher publisher,
            Subjects subjects,
            NatsTracing tracing,
            MeterRegistry meters,
            TrustStore trust,
            Clock clock) {
        this.house = config.name();
        this.signer = signer;
        this.publisher = publisher;
        this.subjects = subjects;
        this.tracing = tracing;
        this.meters = meters;
        this.trust = trust;
        this.clock = clock;
    }

    /**
     * The reply to {@code task} was published on {@code <root>.out.<replyPlatform>}: failed when it is an error,
     * retried when this is a redelivery or a tool ran more than once, else ok.
     */
    void answered(Envelope task, HouseMode mode, TurnResult answer, String replyPlatform, long attempt, Duration took) {
        ReplyPayload reply = answer.reply();
        boolean failed = ReplyPayload.ERROR.equals(reply.status());
        boolean retried = attempt > 1 || answer.toolCalls().stream().anyMatch(call -> call.attempts() > 1);
        String outcome = failed ? TurnEvent.FAILED : retried ? TurnEvent.RETRIED : TurnEvent.OK;
        record(
                task,
                mode,
                outcome,
                attempt,
                took,
                answer.toolCalls(),
                TurnClasses.sent(replyPlatform, answer.toolCalls()),
                failed ? reply.errorCode() : null);
    }

    /** {@code task} is given up for good without a reply (unusable, or its last attempt failed). */
    void gaveUp(Envelope task, HouseMode mode, long attempt, Duration took) {
        record(task, mode, TurnEvent.FAILED, attempt, took, List.of(), Map.of(), GIVEN_UP);
    }

    private void record(
            Envelope task,
            HouseMode mode,
            String outcome,
            long attempt,
            Duration took,
            List<ToolOutcome> toolCalls,
            Map<String, Integer> sent,
            String errorCode) {
        meters.counter(TURNS, "house", house, "outcome", outcome).increment();
        TurnEvent event = new TurnEvent(
                house,
                task.id(),
                task.correlationId(),
                task.conversationId(),
                mode.name().toLowerCase(Locale.ROOT),
                outcome,
                (int) Math.min(Integer.MAX_VALUE, attempt),
                took.toMillis(),
                toolCalls.size(),
                TurnClasses.receivedFrom(
                        trust.find(task.nodeId()).map(TrustedNode::role).orElse(null), task),
                sent,
                errorCode,
                clock.instant());
        try {
            publisher.publishDurable(
                    subjects.events(Subjects.EVENT_TURN),
                    signer.follow(task, LABEL, EnvelopeKind.EVENT, house, event, tracing.currentTraceparent()));
        } catch (RuntimeException e) {
            LOG.warnf("house %s: could not publish the turn event of task %s: %s", house, task.id(), e.toString());
        }
    }
}

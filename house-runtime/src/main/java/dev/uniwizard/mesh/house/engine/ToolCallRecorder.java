package dev.uniwizard.mesh.house.engine;

import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.payload.ToolCallEvent;
import dev.uniwizard.mesh.core.signing.EnvelopeSigner;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.house.config.HouseConfig;
import dev.uniwizard.mesh.service.messaging.EnvelopePublisher;
import dev.uniwizard.mesh.service.tracing.NatsTracing;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Records every tool call a house decided on: counts it in {@code mesh.house.tool.calls{house,tool,outcome}}, times it
 * in {@code mesh.house.tool.latency}, and publishes a signed {@link ToolCallEvent} on {@code <root>.events.toolcall}
 * (the EVENTS stream keeps it for stats and predictions). The event carries only a digest of the arguments.
 */
@Singleton
public class ToolCallRecorder implements ToolCallSink {

    private static final Logger LOG = Logger.getLogger(ToolCallRecorder.class);

    private final String house;
    private final MeterRegistry meters;
    private final EnvelopeSigner signer;
    private final EnvelopePublisher publisher;
    private final Subjects subjects;
    private final NatsTracing tracing;
    private final Clock clock;

    public ToolCallRecorder(
            HouseConfig config,
            MeterRegistry meters,
            EnvelopeSigner signer,
            EnvelopePublisher publisher,
            Subjects subjects,
            NatsTracing tracing,
            Clock clock) {
        this.house = config.name();
        this.meters = meters;
        this.signer = signer;
        this.publisher = publisher;
        this.subjects = subjects;
        this.tracing = tracing;
        this.clock = clock;
    }

    @Override
    public void record(TurnContext turn, ToolOutcome outcome) {
        String tool = outcome.status() == ToolOutcome.Status.UNKNOWN_TOOL ? "unknown" : outcome.tool();
        String status = outcome.status().wireName();
        meters.counter("mesh.house.tool.calls", "house", house, "tool", tool, "outcome", status)
                .increment();
        meters.timer("mesh.house.tool.latency", "house", house, "tool", tool, "outcome", status)
                .record(outcome.latency());
        ToolCallEvent event = new ToolCallEvent(
                house,
                outcome.tool(),
                outcome.call().argumentsDigest(),
                status,
                outcome.attempts(),
                outcome.latency().toMillis(),
                turn.mode().name().toLowerCase(java.util.Locale.ROOT),
                turn.conversationId(),
                turn.correlationId(),
                clock.instant());
        try {
            publisher.publishDurable(
                    subjects.events(Subjects.EVENT_TOOL_CALL),
                    signer.next(turn.task(), EnvelopeKind.EVENT, house, event, tracing.currentTraceparent()));
        } catch (RuntimeException e) {
            LOG.warnf("house %s: could not publish the tool-call event %s: %s", house, event, e.getMessage());
        }
    }
}

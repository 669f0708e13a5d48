package dev.uniwizard.mesh.observatory.stats;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.payload.ToolCallEvent;
import dev.uniwizard.mesh.core.payload.TurnEvent;
import dev.uniwizard.mesh.core.streams.MeshStreams;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.observatory.config.StatsConfig;
import dev.uniwizard.mesh.service.messaging.EnvelopeHandler;
import dev.uniwizard.mesh.service.messaging.JetStreamWorkers;
import dev.uniwizard.mesh.service.messaging.WorkerSpec;
import dev.uniwizard.mesh.service.nats.StreamProvisioning;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Records the houses' turn and tool-call events from the EVENTS stream with two durable consumers shared by every
 * observatory node, {@value #TURN_DURABLE} ({@code <root>.events.turn}) and {@value #TOOL_CALL_DURABLE}
 * ({@code <root>.events.toolcall}). Only house nodes may publish them; the worker rejects others as security events.
 * Each stored event is counted in {@code mesh_observatory_stats_events_total{type,outcome=stored|duplicate}}. An event
 * that cannot be recorded ({@link InvalidStatsEvent}) is counted in
 * {@code mesh_observatory_stats_invalid_total{type,reason}}, logged at WARN and dead-lettered; a store failure is
 * retried by redelivery, then dead-lettered too.
 */
@Startup(150)
@Singleton
public class StatsEventConsumers {

    private static final Logger LOG = Logger.getLogger(StatsEventConsumers.class);

    public static final String TURN_DURABLE = "observatory-stats-turn";
    public static final String TOOL_CALL_DURABLE = "observatory-stats-toolcall";

    static final String STORED = "mesh.observatory.stats.events";
    static final String INVALID = "mesh.observatory.stats.invalid";

    private final JetStreamWorkers workers;
    private final MeshStreams streams;
    private final Subjects subjects;
    private final StatsEventStore store;
    private final StatsConfig.Stats config;
    private final Clock clock;
    private final MeterRegistry registry;

    public StatsEventConsumers(
            StreamProvisioning provisioned,
            JetStreamWorkers workers,
            MeshStreams streams,
            Subjects subjects,
            StatsEventStore store,
            StatsConfig config,
            Clock clock,
            MeterRegistry registry) {
        this.workers = workers;
        this.streams = streams;
        this.subjects = subjects;
        this.store = store;
        this.config = config.stats();
        this.clock = clock;
        this.registry = registry;
    }

    @PostConstruct
    void start() {
        workers.start(spec(TURN_DURABLE, Subjects.EVENT_TURN), this::turn);
        workers.start(spec(TOOL_CALL_DURABLE, Subjects.EVENT_TOOL_CALL), this::toolCall);
    }

    private WorkerSpec spec(String durable, String type) {
        return WorkerSpec.of(streams.events(), durable, subjects.events(type), Set.of(NodeRole.HOUSE))
                .withConcurrency(config.concurrency())
                .withMaxDeliver(config.maxDeliver());
    }

    void turn(Envelope envelope, EnvelopeHandler.Delivery delivery) throws EnvelopeHandler.PermanentFailure {
        ReceivedEvent<TurnEvent> turn;
        try {
            turn = StatsEventReader.turn(envelope, clock.instant());
        } catch (InvalidStatsEvent e) {
            throw invalid(Subjects.EVENT_TURN, envelope, e);
        }
        stored(Subjects.EVENT_TURN, store.insertTurn(turn));
    }

    void toolCall(Envelope envelope, EnvelopeHandler.Delivery delivery) throws EnvelopeHandler.PermanentFailure {
        ReceivedEvent<ToolCallEvent> call;
        try {
            call = StatsEventReader.toolCall(envelope, clock.instant());
        } catch (InvalidStatsEvent e) {
            throw invalid(Subjects.EVENT_TOOL_CALL, envelope, e);
        }
        stored(Subjects.EVENT_TOOL_CALL, store.insertToolCall(call));
    }

    private void stored(String type, boolean inserted) {
        registry.counter(STORED, "type", type, "outcome", inserted ? "stored" : "duplicate")
                .increment();
    }

    private EnvelopeHandler.PermanentFailure invalid(String type, Envelope envelope, InvalidStatsEvent e) {
        registry.counter(INVALID, "type", type, "reason", e.reason()).increment();
        LOG.warnf(
                "not recording %s event %s from node %s (%s): %s; it is dead-lettered",
                type, envelope.id(), envelope.nodeId(), e.reason(), e.getMessage());
        return new EnvelopeHandler.PermanentFailure(e.reason() + ": " + e.getMessage());
    }
}

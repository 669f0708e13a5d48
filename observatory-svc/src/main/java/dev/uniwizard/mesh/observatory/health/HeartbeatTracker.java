package dev.uniwizard.mesh.observatory.health;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.payload.HeartbeatPayload;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.service.health.HeartbeatReceiver;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;

/**
 * Listens to every heartbeat ({@code <root>.health.>}, core NATS) of every kind of node and keeps the latest per
 * instance. The mesh's {@link HeartbeatReceiver} verifies them and ignores the unbelievable ones (counted in
 * {@code mesh_heartbeats_invalid_total{watcher="observatory",reason}}).
 */
@Startup(100)
@Singleton
public class HeartbeatTracker {

    /** The {@code watcher} tag of the invalid-heartbeat metric. */
    public static final String WATCHER = "observatory";

    private final HeartbeatReceiver receiver;
    private final Subjects subjects;
    private final HeartbeatStore store;
    private final ServiceUpGauges gauges;
    private final Clock clock;
    private HeartbeatReceiver.Subscription subscription;

    public HeartbeatTracker(
            HeartbeatReceiver receiver, Subjects subjects, HeartbeatStore store, ServiceUpGauges gauges, Clock clock) {
        this.receiver = receiver;
        this.subjects = subjects;
        this.store = store;
        this.gauges = gauges;
        this.clock = clock;
    }

    @PostConstruct
    void start() {
        subscription =
                receiver.watch(WATCHER, List.of(subjects.healthAll()), EnumSet.allOf(NodeRole.class), this::record);
    }

    @PreDestroy
    void stop() {
        if (subscription != null) {
            subscription.close();
        }
    }

    private void record(Envelope envelope, HeartbeatPayload heartbeat) {
        store.record(heartbeat, clock.instant());
        gauges.track(heartbeat.service());
    }
}

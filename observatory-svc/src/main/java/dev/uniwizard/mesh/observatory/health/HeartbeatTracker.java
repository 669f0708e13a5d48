package dev.uniwizard.mesh.observatory.health;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.payload.HeartbeatPayload;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.HouseNodes;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.service.health.HeartbeatReceiver;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

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

    /** The {@code reason} of a heartbeat from a node that is not named for the service it reports. */
    public static final String NOT_THE_SERVICE = "not_the_service";

    private static final Logger LOG = Logger.getLogger(HeartbeatTracker.class);

    private final HeartbeatReceiver receiver;
    private final Subjects subjects;
    private final HeartbeatStore store;
    private final ServiceUpGauges gauges;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    private HeartbeatReceiver.Subscription subscription;

    public HeartbeatTracker(
            HeartbeatReceiver receiver,
            Subjects subjects,
            HeartbeatStore store,
            ServiceUpGauges gauges,
            Clock clock,
            MeterRegistry registry) {
        this.registry = registry;
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
        if (!HouseNodes.speaksFor(envelope.nodeId(), heartbeat.service())) {
            // A node speaks for one service (node id "<service>" or "<service>-<n>"): a router may not make the
            // gateway look up. Counted with the other unbelievable heartbeats; logged once per node.
            registry.counter(HeartbeatReceiver.INVALID, "watcher", WATCHER, "reason", NOT_THE_SERVICE)
                    .increment();
            if (warned.add(envelope.nodeId())) {
                LOG.warnf(
                        "ignoring heartbeats of node '%s' for service '%s': a node may only report the service it"
                                + " is named for (<service> or <service>-<n>)",
                        envelope.nodeId(), heartbeat.service());
            }
            return;
        }
        store.record(heartbeat, clock.instant());
        gauges.track(heartbeat.service());
    }
}

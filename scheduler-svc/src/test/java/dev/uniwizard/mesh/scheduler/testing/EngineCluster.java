package dev.uniwizard.mesh.scheduler.testing;

import dev.uniwizard.mesh.core.streams.StreamProvisioner;
import dev.uniwizard.mesh.scheduler.config.SchedulerSettings;
import dev.uniwizard.mesh.service.health.HouseHeartbeats;
import dev.uniwizard.mesh.service.health.HouseLiveness;
import dev.uniwizard.mesh.testkit.LocalServers;
import dev.uniwizard.mesh.testkit.TestNamespace;
import io.nats.client.Connection;
import io.nats.client.Nats;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A test's own database, namespace (streams provisioned) and scheduler nodes; closes them all. Houses count as up
 * unless a test reports them down through {@link #heartbeats()}.
 */
public final class EngineCluster implements AutoCloseable {

    public final SchedulerDatabase database;
    public final TestNamespace namespace;
    private final HouseHeartbeats heartbeats;
    private final HouseLiveness houses;
    private final Connection nats;
    private final List<EngineNode> nodes = new ArrayList<>();

    public EngineCluster() {
        this.database = SchedulerDatabase.create();
        this.namespace = TestNamespace.create();
        // Houses never heard from count as up for 3 x 60 s: longer than any test here.
        this.heartbeats = new HouseHeartbeats(Clock.systemUTC(), 3, Duration.ofSeconds(60), "scheduler");
        this.houses = HouseLiveness.unwatched(List.copyOf(TestJobs.HOUSES), heartbeats);
        try {
            this.nats = Nats.connect(LocalServers.natsUrl());
            new StreamProvisioner(nats.jetStreamManagement())
                    .provision(namespace.streams().definitions());
        } catch (Exception e) {
            close();
            throw new IllegalStateException("cannot prepare NATS for the test: " + e, e);
        }
    }

    public EngineNode node(String nodeId, SchedulerSettings settings) {
        EngineNode node = EngineNode.create(nodeId, database, namespace, settings, houses);
        nodes.add(node);
        return node;
    }

    /** The test's own NATS connection (to publish replies and events, to read tasks). */
    public Connection nats() {
        return nats;
    }

    /** Feed for the houses' liveness, e.g. {@code heard("ezra", "ezra-1", 1 s, false)} for a house reporting DOWN. */
    public HouseHeartbeats heartbeats() {
        return heartbeats;
    }

    public static Instant nextWholeSecond(int plusSeconds) {
        return Instant.now().plusSeconds(plusSeconds).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    @Override
    public void close() {
        for (EngineNode node : nodes) {
            try {
                node.close();
            } catch (RuntimeException e) {
                System.err.println("closing node " + node.nodeId + ": " + e);
            }
        }
        if (nats != null) {
            try {
                nats.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        namespace.deleteStreams();
        database.close();
    }
}

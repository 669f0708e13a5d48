package dev.uniwizard.mesh.scheduler.testing;

import dev.uniwizard.mesh.core.signing.EnvelopeSigner;
import dev.uniwizard.mesh.core.signing.EnvelopeVerifier;
import dev.uniwizard.mesh.core.signing.InMemoryReplayGuard;
import dev.uniwizard.mesh.core.signing.NodeKey;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.FileTrustStore;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.scheduler.config.SchedulerSettings;
import dev.uniwizard.mesh.scheduler.events.EventTriggers;
import dev.uniwizard.mesh.scheduler.firing.Firing;
import dev.uniwizard.mesh.scheduler.firing.FiringLoop;
import dev.uniwizard.mesh.scheduler.firing.FiringMetrics;
import dev.uniwizard.mesh.scheduler.firing.RunNow;
import dev.uniwizard.mesh.scheduler.firing.ScheduleCache;
import dev.uniwizard.mesh.scheduler.firing.TaskFactory;
import dev.uniwizard.mesh.scheduler.runs.ReplyTracker;
import dev.uniwizard.mesh.scheduler.runs.RunSweeper;
import dev.uniwizard.mesh.scheduler.store.JobStore;
import dev.uniwizard.mesh.scheduler.store.RunUpdates;
import dev.uniwizard.mesh.service.health.HouseLiveness;
import dev.uniwizard.mesh.service.messaging.EnvelopePublisher;
import dev.uniwizard.mesh.service.security.EnvelopeGuard;
import dev.uniwizard.mesh.service.tracing.NatsTracing;
import dev.uniwizard.mesh.testkit.LocalServers;
import dev.uniwizard.mesh.testkit.TestKeyring;
import dev.uniwizard.mesh.testkit.TestNamespace;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;

/**
 * One scheduler node built from the engine classes without Quarkus: its own connection pool (named after the node),
 * NATS connection, key and metrics, against a shared test database and namespace. Several in one JVM behave like
 * several scheduler-svc processes towards PostgreSQL and NATS.
 */
public final class EngineNode implements AutoCloseable {

    public static final Duration MAX_SKEW = Duration.ofMinutes(5);

    public final String nodeId;
    public final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    public final AgroalDataSource pool;
    public final Jdbi jdbi;
    public final Connection nats;
    public final JobStore store;
    public final RunUpdates runUpdates;
    public final Firing firing;
    public final FiringLoop loop;
    public final RunNow runNow;
    public final ReplyTracker replies;
    public final EventTriggers events;
    public final RunSweeper sweeper;

    private EngineNode(
            String nodeId,
            SchedulerDatabase database,
            TestNamespace namespace,
            SchedulerSettings settings,
            HouseLiveness houses) {
        this.nodeId = nodeId;
        Clock clock = Clock.systemUTC();
        TestKeyring keys = TestKeyring.shared();
        NodeKey key = keys.key(nodeId, NodeRole.SERVICE);
        EnvelopeSigner signer = keys.signer(nodeId, NodeRole.SERVICE);
        Subjects subjects = namespace.subjects();
        this.pool = database.pool(nodeId, 8);
        this.jdbi = Jdbi.create(pool).installPlugin(new PostgresPlugin());
        try {
            this.nats = Nats.connect(new Options.Builder()
                    .server(LocalServers.natsUrl())
                    .connectionName(nodeId)
                    .build());
        } catch (Exception e) {
            throw new IllegalStateException("NATS at " + LocalServers.natsUrl() + " is not reachable: " + e, e);
        }
        EnvelopePublisher publisher;
        try {
            publisher = new EnvelopePublisher(nats, nats.jetStream(), new NatsTracing(OpenTelemetry.noop()), registry);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        EnvelopeVerifier verifier = new EnvelopeVerifier(
                new FileTrustStore(keys.trustStore(), clock, Duration.ofSeconds(1)),
                new InMemoryReplayGuard(clock, MAX_SKEW),
                clock,
                MAX_SKEW);
        EnvelopeGuard guard = new EnvelopeGuard(verifier, signer, publisher, subjects, registry);
        ScheduleCache schedules = new ScheduleCache();
        FiringMetrics metrics = new FiringMetrics(registry);
        this.store = new JobStore(jdbi, clock);
        this.runUpdates = new RunUpdates(jdbi);
        this.firing =
                new Firing(new TaskFactory(signer, key, clock), publisher, houses, subjects, metrics, settings, clock);
        this.loop = new FiringLoop(jdbi, firing, schedules, settings, metrics, clock);
        this.runNow = new RunNow(jdbi, firing, schedules, settings, clock);
        this.replies = new ReplyTracker(nats, namespace.streams(), subjects, guard, runUpdates, registry, clock);
        this.events = new EventTriggers(
                nats, namespace.streams(), subjects, guard, jdbi, firing, schedules, runUpdates, settings, registry);
        this.sweeper = new RunSweeper(runUpdates, registry, clock);
    }

    /** A node that is built but does nothing until told (start its loop or consumers, or call {@code pass()}). */
    public static EngineNode create(
            String nodeId,
            SchedulerDatabase database,
            TestNamespace namespace,
            SchedulerSettings settings,
            HouseLiveness houses) {
        return new EngineNode(nodeId, database, namespace, settings, houses);
    }

    public EngineNode startConsumers() {
        replies.start();
        events.start();
        return this;
    }

    public EngineNode startLoop() {
        loop.start();
        return this;
    }

    /** Settings for tests: poll 200 ms, batch 50, misfire threshold 1 min, the given lock timeout. */
    public static SchedulerSettings settings(Duration lockTimeout, int batchSize) {
        return new SchedulerSettings(
                Duration.ofMillis(200), batchSize, Duration.ofMinutes(1), lockTimeout, Duration.ofSeconds(5));
    }

    @Override
    public void close() {
        loop.stop();
        replies.stop();
        events.stop();
        try {
            nats.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.close();
    }
}

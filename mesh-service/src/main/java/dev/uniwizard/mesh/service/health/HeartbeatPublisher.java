package dev.uniwizard.mesh.service.health;

import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.payload.HeartbeatPayload;
import dev.uniwizard.mesh.core.payload.HouseFacts;
import dev.uniwizard.mesh.core.signing.EnvelopeSigner;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.service.config.MeshConfig;
import dev.uniwizard.mesh.service.messaging.EnvelopePublisher;
import io.nats.client.Connection;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.health.SmallRyeHealthReporter;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.jboss.logging.Logger;

/**
 * Publishes this instance's heartbeat on {@code <root>.health.<service>} every {@code mesh.heartbeat.interval}: its
 * readiness, the host it runs on ({@link HostStatsReader}: CPU, memory, the working directory's disk, heap) and, when the
 * service has a {@link HeartbeatFacts} bean (the houses), what it adds. A failing facts bean costs only its facts.
 */
@Singleton
public class HeartbeatPublisher {

    private static final Logger LOG = Logger.getLogger(HeartbeatPublisher.class);

    private final MeshConfig config;
    private final EnvelopePublisher publisher;
    private final EnvelopeSigner signer;
    private final Subjects subjects;
    private final Connection connection;
    private final SmallRyeHealthReporter health;
    private final Clock clock;
    private final String version;
    private final Instant startedAt;
    private final HostStatsReader host = new HostStatsReader(Path.of(""));
    private final Instance<HeartbeatFacts> facts;

    public HeartbeatPublisher(
            MeshConfig config,
            EnvelopePublisher publisher,
            EnvelopeSigner signer,
            Subjects subjects,
            Connection connection,
            SmallRyeHealthReporter health,
            Clock clock,
            Instance<HeartbeatFacts> facts,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev") String version) {
        this.config = config;
        this.publisher = publisher;
        this.signer = signer;
        this.subjects = subjects;
        this.connection = connection;
        this.health = health;
        this.clock = clock;
        this.facts = facts;
        this.version = version;
        this.startedAt =
                Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
    }

    @Scheduled(
            every = "${mesh.heartbeat.interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = HeartbeatsDisabled.class)
    void beat() {
        if (connection.getStatus() != Connection.Status.CONNECTED) {
            return;
        }
        try {
            publisher.publishCore(
                    subjects.health(config.service()),
                    signer.originate(
                            EnvelopeKind.EVENT, "health", null, Sender.system(signer.nodeId()), current(), null));
        } catch (RuntimeException e) {
            LOG.warnf("heartbeat not sent: %s", e.toString());
        }
    }

    /** This instance's state right now. */
    public HeartbeatPayload current() {
        Instant now = clock.instant();
        boolean ready = health.getReadiness().getStatus() == HealthCheckResponse.Status.UP;
        return new HeartbeatPayload(
                config.service(),
                config.nodeId(),
                version,
                startedAt,
                Duration.between(startedAt, now).toSeconds(),
                ready ? HeartbeatPayload.UP : HeartbeatPayload.DOWN,
                config.heartbeat().interval().toSeconds(),
                host.read(),
                houseFacts());
    }

    /** The {@link HeartbeatFacts} bean's facts, or null without one (or when it fails: logged, the beat goes out). */
    private HouseFacts houseFacts() {
        if (!facts.isResolvable()) {
            return null;
        }
        try {
            return facts.get().houseFacts();
        } catch (RuntimeException e) {
            LOG.warnf("heartbeat sent without house facts, they could not be read: %s", e.toString());
            return null;
        }
    }
}

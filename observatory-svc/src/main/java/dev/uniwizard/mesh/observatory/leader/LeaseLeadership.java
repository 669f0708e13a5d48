package dev.uniwizard.mesh.observatory.leader;

import dev.uniwizard.mesh.observatory.config.LeaderConfig;
import dev.uniwizard.mesh.service.config.MeshConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.jdbi.v3.core.Jdbi;

/**
 * Leadership by a lease in PostgreSQL ({@link Lease}, holder {@code mesh.node-id}): renewed every
 * {@code observatory.leader.renew-every}, lasting {@code observatory.leader.ttl}. This node leads while its last
 * renewal held the lease and is younger than the ttl. When the database cannot be asked, a node that led keeps leading
 * (so the checks can still report the database down and alerts still go out) and a node that did not lead stays out;
 * the price is that two nodes may lead while one of them is cut off from the database. On shutdown the lease is
 * released, so another node takes over at once. Exported as {@code mesh_observatory_leader} (1 leads, 0 not).
 */
@Startup(50)
@Singleton
public class LeaseLeadership implements Leadership {

    private static final Logger LOG = Logger.getLogger(LeaseLeadership.class);
    static final String METRIC = "mesh.observatory.leader";

    /** The outcome of the last renewal. */
    private record State(boolean holds, long confirmedAtNanos, boolean databaseDown) {}

    private final Lease lease;
    private final String leaseName;
    private final Duration renewEvery;
    private final long ttlNanos;
    private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("observatory-lease").factory());
    private final MeterRegistry registry;
    private final Gauge gauge;
    private volatile State state = new State(false, 0, false);

    public LeaseLeadership(Jdbi jdbi, LeaderConfig config, MeshConfig mesh, MeterRegistry registry) {
        validate(config);
        this.lease = new Lease(jdbi, config.lease(), mesh.nodeId(), config.ttl());
        this.leaseName = config.lease();
        this.renewEvery = config.renewEvery();
        this.ttlNanos = config.ttl().toNanos();
        this.registry = registry;
        this.gauge = Gauge.builder(METRIC, this, leadership -> leadership.isLeader() ? 1 : 0)
                .description("1 while this observatory node holds the leadership lease")
                .register(registry);
    }

    static void validate(LeaderConfig config) {
        if (config.ttl().toMillis() < 1) {
            throw new IllegalArgumentException("observatory.leader.ttl must be positive, was " + config.ttl());
        }
        if (config.renewEvery().toMillis() < 1) {
            throw new IllegalArgumentException(
                    "observatory.leader.renew-every must be positive, was " + config.renewEvery());
        }
        if (config.renewEvery().multipliedBy(2).compareTo(config.ttl()) > 0) {
            throw new IllegalArgumentException("observatory.leader.renew-every (" + config.renewEvery()
                    + ") must be at most half of observatory.leader.ttl (" + config.ttl()
                    + "), so one missed renewal does not lose the lease");
        }
    }

    @PostConstruct
    void start() {
        renew();
        renewals.scheduleWithFixedDelay(
                this::renew, renewEvery.toMillis(), renewEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        renewals.shutdownNow();
        registry.remove(gauge);
        boolean held = state.holds();
        state = new State(false, 0, false);
        if (held) {
            try {
                lease.release();
                LOG.infof("%s released the lease %s", lease.holder(), leaseName);
            } catch (RuntimeException e) {
                LOG.warnf("%s could not release the lease %s (it expires by itself): %s", lease.holder(), leaseName, e);
            }
        }
    }

    @Override
    public boolean isLeader() {
        State current = state;
        return current.holds() && (current.databaseDown() || System.nanoTime() - current.confirmedAtNanos() < ttlNanos);
    }

    private void renew() {
        State before = state;
        try {
            boolean holds = lease.renew();
            state = new State(holds, System.nanoTime(), false);
            if (holds && !before.holds()) {
                LOG.infof("%s leads the observatory now (lease %s)", lease.holder(), leaseName);
            } else if (!holds && (before.holds() || before.confirmedAtNanos() == 0)) {
                LOG.infof(
                        "%s does not lead the observatory: another node holds the lease %s", lease.holder(), leaseName);
            }
        } catch (RuntimeException e) {
            state = new State(before.holds(), before.confirmedAtNanos(), true);
            if (!before.databaseDown()) {
                LOG.warnf(
                        "%s cannot renew the lease %s (%s); %s",
                        lease.holder(),
                        leaseName,
                        e.getMessage(),
                        before.holds()
                                ? "leading on until the database answers, so the checks can report it"
                                : "not leading until the database answers");
            }
        }
    }
}

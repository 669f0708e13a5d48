package dev.uniwizard.mesh.house.timmy.approvals;

import dev.uniwizard.mesh.house.config.HouseConfig;
import dev.uniwizard.mesh.house.health.PendingApprovals;
import dev.uniwizard.mesh.house.timmy.approvals.store.ApprovalStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * The approval requests waiting for a decision, counted in the approval store: the {@code pendingApprovals} fact of
 * Timmy's heartbeat and the gauge {@code mesh.house.approvals.pending{house}} (NaN while the database cannot be read).
 */
@Startup
@Singleton
public class PendingApprovalCount implements PendingApprovals {

    private static final Logger LOG = Logger.getLogger(PendingApprovalCount.class);

    /** The gauge of pending requests. */
    public static final String GAUGE = "mesh.house.approvals.pending";

    private final ApprovalStore store;

    public PendingApprovalCount(ApprovalStore store, HouseConfig config, MeterRegistry registry) {
        this.store = store;
        registry.gauge(GAUGE, Tags.of("house", config.name()), this, PendingApprovalCount::gaugeValue);
    }

    @Override
    public int count() {
        return store.countPending();
    }

    private double gaugeValue() {
        try {
            return count();
        } catch (RuntimeException e) {
            LOG.debugf("pending approvals cannot be counted: %s", e.toString());
            return Double.NaN;
        }
    }
}

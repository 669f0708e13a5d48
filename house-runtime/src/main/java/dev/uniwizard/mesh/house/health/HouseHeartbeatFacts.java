package dev.uniwizard.mesh.house.health;

import dev.uniwizard.mesh.core.payload.HouseFacts;
import dev.uniwizard.mesh.house.config.HouseConfig;
import dev.uniwizard.mesh.service.health.HeartbeatFacts;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * What a house adds to its heartbeat: its configured mode, its model login ({@link ModelLogin}) and, for the approval
 * authority, the approval requests waiting for a decision (from the optional {@link PendingApprovals} bean; null in
 * houses without one, or when it cannot be counted right now).
 */
@Singleton
public class HouseHeartbeatFacts implements HeartbeatFacts {

    private static final Logger LOG = Logger.getLogger(HouseHeartbeatFacts.class);

    private final String mode;
    private final ModelLogin login;
    private final Instance<PendingApprovals> approvals;

    public HouseHeartbeatFacts(HouseConfig config, ModelLogin login, Instance<PendingApprovals> approvals) {
        this.mode = config.mode().name().toLowerCase(Locale.ROOT);
        this.login = login;
        this.approvals = approvals;
    }

    @Override
    public HouseFacts houseFacts() {
        LoginState state = login.state();
        return new HouseFacts(mode, state.login(), state.detail(), state.checkedAt(), pendingApprovals());
    }

    private Integer pendingApprovals() {
        if (!approvals.isResolvable()) {
            return null;
        }
        try {
            return approvals.get().count();
        } catch (RuntimeException e) {
            LOG.warnf("heartbeat without the pending approvals, they could not be counted: %s", e.toString());
            return null;
        }
    }
}

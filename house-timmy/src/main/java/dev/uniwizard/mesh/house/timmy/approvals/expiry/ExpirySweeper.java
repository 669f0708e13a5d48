package dev.uniwizard.mesh.house.timmy.approvals.expiry;

import dev.uniwizard.mesh.house.timmy.approvals.ApprovalAuthority;
import dev.uniwizard.mesh.house.timmy.approvals.config.ApprovalAuthorityConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Marks pending requests past their expiry as expired (by {@code timmy:expiry}) every
 * {@code timmy.approvals.sweep-interval}, so a waiting house hears that its call will not run even if it never asks
 * again. A failed sweep is logged and the next one tries again.
 */
@Startup(110)
@Singleton
public class ExpirySweeper {

    private static final Logger LOG = Logger.getLogger(ExpirySweeper.class);

    private final ApprovalAuthority authority;
    private final Duration interval;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "approval-expiry");
        thread.setDaemon(true);
        return thread;
    });

    public ExpirySweeper(ApprovalAuthority authority, ApprovalAuthorityConfig config) {
        this.authority = authority;
        this.interval = config.sweepInterval();
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalStateException(
                    "timmy.approvals.sweep-interval must be positive, got " + interval + " (e.g. 5s)");
        }
    }

    @PostConstruct
    void start() {
        long millis = interval.toMillis();
        scheduler.scheduleWithFixedDelay(this::sweep, millis, millis, TimeUnit.MILLISECONDS);
        LOG.infof("expiring overdue approval requests every %s", interval);
    }

    void stop(@Observes ShutdownEvent event) {
        scheduler.shutdownNow();
    }

    private void sweep() {
        try {
            int expired = authority.expireOverdue();
            if (expired > 0) {
                LOG.debugf("expired %d overdue approval requests", expired);
            }
        } catch (RuntimeException e) {
            LOG.errorf("could not expire overdue approval requests (next try in %s): %s", interval, e.getMessage());
        }
    }
}

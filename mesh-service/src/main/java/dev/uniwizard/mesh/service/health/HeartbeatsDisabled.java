package dev.uniwizard.mesh.service.health;

import dev.uniwizard.mesh.service.config.MeshConfig;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.inject.Singleton;

/** Skips heartbeats when {@code mesh.heartbeat.enabled=false}. */
@Singleton
public class HeartbeatsDisabled implements Scheduled.SkipPredicate {

    private final boolean enabled;

    public HeartbeatsDisabled(MeshConfig config) {
        this.enabled = config.heartbeat().enabled();
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return !enabled;
    }
}

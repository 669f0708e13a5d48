package dev.uniwizard.mesh.service.health;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Skips heartbeats when {@code mesh.heartbeat.enabled=false}. */
@Singleton
public class HeartbeatsDisabled implements Scheduled.SkipPredicate {

    private final boolean enabled;

    public HeartbeatsDisabled(@ConfigProperty(name = "mesh.heartbeat.enabled", defaultValue = "true") boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return !enabled;
    }
}

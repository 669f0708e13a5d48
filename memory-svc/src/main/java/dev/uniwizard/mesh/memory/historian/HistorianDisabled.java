package dev.uniwizard.mesh.memory.historian;

import dev.uniwizard.mesh.memory.config.MemoryConfig;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.inject.Singleton;

/** Skips the scheduled historian runs when {@code memory.historian.enabled=false}. */
@Singleton
public class HistorianDisabled implements Scheduled.SkipPredicate {

    private final boolean enabled;

    public HistorianDisabled(MemoryConfig config) {
        this.enabled = config.historian().enabled();
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return !enabled;
    }
}

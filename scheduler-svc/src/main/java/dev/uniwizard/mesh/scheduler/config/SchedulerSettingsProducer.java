package dev.uniwizard.mesh.scheduler.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The engine's settings from {@code scheduler.*}. */
public class SchedulerSettingsProducer {

    @Produces
    @Singleton
    SchedulerSettings settings(SchedulerConfig config) {
        return SchedulerSettings.of(config);
    }
}

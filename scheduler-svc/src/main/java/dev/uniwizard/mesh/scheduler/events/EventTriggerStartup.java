package dev.uniwizard.mesh.scheduler.events;

import dev.uniwizard.mesh.scheduler.config.SchedulerConfig;
import dev.uniwizard.mesh.service.nats.StreamProvisioning;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/** Starts reading events once the streams exist (unless {@code scheduler.consumers-enabled=false}). */
@Singleton
public class EventTriggerStartup {

    private final EventTriggers triggers;
    private final SchedulerConfig config;

    public EventTriggerStartup(StreamProvisioning provisioned, EventTriggers triggers, SchedulerConfig config) {
        this.triggers = triggers;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        if (config.consumersEnabled()) {
            triggers.start();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        triggers.stop();
    }
}

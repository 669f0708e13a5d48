package dev.uniwizard.mesh.scheduler.runs;

import dev.uniwizard.mesh.scheduler.config.SchedulerConfig;
import dev.uniwizard.mesh.service.nats.StreamProvisioning;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/** Starts recording the houses' answers once the streams exist (unless {@code scheduler.consumers-enabled=false}). */
@Singleton
public class RunTrackingStartup {

    private final ReplyTracker tracker;
    private final SchedulerConfig config;

    public RunTrackingStartup(StreamProvisioning provisioned, ReplyTracker tracker, SchedulerConfig config) {
        this.tracker = tracker;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        if (config.consumersEnabled()) {
            tracker.start();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        tracker.stop();
    }
}

package dev.uniwizard.mesh.scheduler.firing;

import dev.uniwizard.mesh.scheduler.config.SchedulerConfig;
import dev.uniwizard.mesh.service.nats.StreamProvisioning;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** Starts this node's firing loop once the streams exist (unless {@code scheduler.firing-enabled=false}). */
@Singleton
public class FiringStartup {

    private static final Logger LOG = Logger.getLogger(FiringStartup.class);

    private final FiringLoop loop;
    private final SchedulerConfig config;

    public FiringStartup(StreamProvisioning provisioned, FiringLoop loop, SchedulerConfig config) {
        this.loop = loop;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        if (config.firingEnabled()) {
            loop.start();
        } else {
            LOG.info("this node does not fire jobs (scheduler.firing-enabled=false)");
        }
    }

    void stop(@Observes ShutdownEvent event) {
        loop.stop();
    }
}

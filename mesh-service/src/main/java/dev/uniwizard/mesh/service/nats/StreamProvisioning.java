package dev.uniwizard.mesh.service.nats;

import dev.uniwizard.mesh.core.streams.MeshStreams;
import dev.uniwizard.mesh.core.streams.StreamProvisioner;
import dev.uniwizard.mesh.service.config.MeshConfig;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;
import java.io.IOException;
import org.jboss.logging.Logger;

/**
 * Creates or updates the mesh's streams when the service starts, before any consumer is set up. A failure stops the
 * start with the reason (for example a stream created by hand with another retention).
 */
@Startup(10)
@Singleton
public class StreamProvisioning {

    private static final Logger LOG = Logger.getLogger(StreamProvisioning.class);

    private final JetStreamManagement jsm;
    private final MeshStreams streams;
    private final MeshConfig config;
    private volatile boolean done;
    private volatile String problem = "not yet provisioned";

    public StreamProvisioning(JetStreamManagement jsm, MeshStreams streams, MeshConfig config) {
        this.jsm = jsm;
        this.streams = streams;
        this.config = config;
    }

    @PostConstruct
    void provision() {
        if (!config.nats().provisionStreams()) {
            LOG.info("stream provisioning is off (mesh.nats.provision-streams=false)");
            done = true;
            return;
        }
        try {
            for (StreamProvisioner.Result result : new StreamProvisioner(jsm).provision(streams.definitions())) {
                LOG.infof("stream %s: %s", result.stream(), result.outcome());
            }
            done = true;
        } catch (IOException | JetStreamApiException e) {
            problem = e.getMessage();
            throw new IllegalStateException(
                    "cannot provision the mesh's JetStream streams: " + e.getMessage()
                            + " (is JetStream enabled? start nats-server with -js)",
                    e);
        }
    }

    public boolean isDone() {
        return done;
    }

    public String problem() {
        return problem;
    }
}

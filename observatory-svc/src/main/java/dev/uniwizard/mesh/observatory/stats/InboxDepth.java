package dev.uniwizard.mesh.observatory.stats;

import dev.uniwizard.mesh.core.streams.MeshStreams;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.ConsumerInfo;
import jakarta.inject.Singleton;
import java.io.IOException;
import org.jboss.logging.Logger;

/**
 * How many tasks wait for a house now: read from the JetStream consumer info of its durable consumer
 * ({@code house-<name>} on the TASKS stream) as pending plus delivered-but-unacknowledged messages.
 */
@Singleton
public class InboxDepth {

    private static final Logger LOG = Logger.getLogger(InboxDepth.class);

    /** JetStream's API error code for "consumer not found". */
    private static final int CONSUMER_NOT_FOUND = 10014;

    private final JetStreamManagement jsm;
    private final MeshStreams streams;

    public InboxDepth(JetStreamManagement jsm, MeshStreams streams) {
        this.jsm = jsm;
        this.streams = streams;
    }

    /** The house's inbox depth, or null when it has no consumer (never started) or the info cannot be read. */
    public Long of(String house) {
        String durable = "house-" + house;
        try {
            ConsumerInfo info = jsm.getConsumerInfo(streams.tasks(), durable);
            return info.getNumPending() + info.getNumAckPending();
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() != CONSUMER_NOT_FOUND) {
                LOG.warnf("cannot read consumer %s on %s: %s", durable, streams.tasks(), e.getMessage());
            }
            return null;
        } catch (IOException e) {
            LOG.warnf("cannot read consumer %s on %s: %s", durable, streams.tasks(), e.getMessage());
            return null;
        }
    }
}

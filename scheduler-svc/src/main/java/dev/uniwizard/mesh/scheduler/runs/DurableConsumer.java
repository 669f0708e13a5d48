package dev.uniwizard.mesh.scheduler.runs;

import io.nats.client.Connection;
import io.nats.client.ConsumeOptions;
import io.nats.client.ConsumerContext;
import io.nats.client.JetStreamApiException;
import io.nats.client.MessageConsumer;
import io.nats.client.MessageHandler;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import java.io.IOException;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * A durable JetStream consumer that every scheduler node binds to, so each message is handled by one node, and that
 * survives restarts (messages published while all nodes were down are handled when one comes back). It starts with the
 * messages published after it was first created: old history is not replayed into new runs. Messages are redelivered
 * until acknowledged (no delivery limit: handlers acknowledge what they cannot use and retry only what a later attempt
 * can fix).
 */
public final class DurableConsumer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DurableConsumer.class);

    private final String durable;
    private final MessageConsumer consumer;

    private DurableConsumer(String durable, MessageConsumer consumer) {
        this.durable = durable;
        this.consumer = consumer;
    }

    public static DurableConsumer start(
            Connection connection,
            String stream,
            String durable,
            String filterSubject,
            Duration ackWait,
            MessageHandler handler) {
        try {
            ConsumerContext context = connection
                    .getStreamContext(stream)
                    .createOrUpdateConsumer(ConsumerConfiguration.builder()
                            .durable(durable)
                            .filterSubject(filterSubject)
                            .ackPolicy(AckPolicy.Explicit)
                            .deliverPolicy(DeliverPolicy.New)
                            .ackWait(ackWait)
                            .maxDeliver(-1)
                            .maxAckPending(1024)
                            .build());
            MessageConsumer consumer =
                    context.consume(ConsumeOptions.builder().batchSize(64).build(), handler);
            LOG.infof("consuming %s from stream %s as durable %s", filterSubject, stream, durable);
            return new DurableConsumer(durable, consumer);
        } catch (IOException | JetStreamApiException e) {
            throw new IllegalStateException(
                    "cannot start consumer " + durable + " on stream " + stream + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            consumer.stop();
            consumer.close();
        } catch (Exception e) {
            LOG.debugf("closing consumer %s: %s", durable, e);
        }
    }
}

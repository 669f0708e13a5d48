package dev.uniwizard.mesh.service.nats;

import dev.uniwizard.mesh.service.config.MeshConfig;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.ErrorListener;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * The service's one NATS connection. Start-up fails with a clear message when NATS cannot be reached within the
 * connect timeout (a supervisor restarts the service); once connected, the client reconnects forever and readiness
 * reports the outage meanwhile.
 */
public class NatsConnectionProducer {

    private static final Logger LOG = Logger.getLogger(NatsConnectionProducer.class);

    @Produces
    @Singleton
    Connection connection(MeshConfig config) throws InterruptedException {
        MeshConfig.Nats nats = config.nats();
        Options options = new Options.Builder()
                .servers(nats.url().split("\\s*,\\s*"))
                .connectionName(config.nodeId())
                .maxReconnects(-1)
                .reconnectWait(Duration.ofSeconds(1))
                .connectionTimeout(nats.connectTimeout())
                .connectionListener(this::onConnectionEvent)
                .errorListener(new LoggingErrorListener())
                .build();
        long deadline = System.nanoTime() + nats.connectTimeout().toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline) {
            try {
                Connection connection = Nats.connect(options);
                LOG.infof("connected to NATS at %s as %s", connection.getConnectedUrl(), config.nodeId());
                return connection;
            } catch (IOException e) {
                last = e;
                Thread.sleep(500);
            }
        }
        throw new IllegalStateException(
                "NATS is not reachable at " + nats.url() + " (" + (last == null ? "timeout" : last.getMessage())
                        + "). Start it, e.g. 'start-stop-daemon --start --oknodo --background --exec "
                        + "/usr/sbin/nats-server -- -a 127.0.0.1 -p 4222 -js -sd /var/lib/nats-server', or set mesh.nats.url");
    }

    @Produces
    @Singleton
    JetStream jetStream(Connection connection) throws IOException {
        return connection.jetStream();
    }

    @Produces
    @Singleton
    JetStreamManagement jetStreamManagement(Connection connection) throws IOException {
        return connection.jetStreamManagement();
    }

    void close(@Disposes Connection connection) throws InterruptedException {
        try {
            connection.drain(Duration.ofSeconds(5)).get(6, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("NATS connection did not drain cleanly: %s", e.toString());
        } finally {
            connection.close();
        }
    }

    private void onConnectionEvent(Connection connection, ConnectionListener.Events event) {
        switch (event) {
            case DISCONNECTED -> LOG.warnf("NATS connection lost; reconnecting");
            case RECONNECTED -> LOG.infof("NATS reconnected to %s", connection.getConnectedUrl());
            case CLOSED -> LOG.infof("NATS connection closed");
            default -> LOG.debugf("NATS connection event %s", event);
        }
    }

    /** Surfaces client-side errors (slow consumers, server errors) in the log instead of dropping them. */
    private static final class LoggingErrorListener implements ErrorListener {

        @Override
        public void errorOccurred(Connection conn, String error) {
            LOG.errorf("NATS server error: %s", error);
        }

        @Override
        public void exceptionOccurred(Connection conn, Exception exp) {
            LOG.warnf("NATS client exception: %s", exp.toString());
        }
    }
}

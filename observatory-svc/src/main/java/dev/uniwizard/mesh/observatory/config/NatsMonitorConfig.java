package dev.uniwizard.mesh.observatory.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Where the NATS server's HTTP monitoring endpoint is, under {@code observatory.nats.*}. */
@ConfigMapping(prefix = "observatory.nats")
public interface NatsMonitorConfig {

    /**
     * Base URL of the monitoring endpoint ({@code nats-server -m 8222}, or {@code http_port} in its configuration).
     * Empty disables the {@code nats:server} and {@code jetstream:server} checks.
     */
    @WithDefault("http://127.0.0.1:8222")
    Optional<String> monitorUrl();

    /** How long one request to the monitoring endpoint may take. */
    @WithDefault("2s")
    Duration timeout();
}

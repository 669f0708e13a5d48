package dev.uniwizard.mesh.house.config;

import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** {@code house.http.*}: outbound HTTP of http_get and health_check. */
public interface HttpToolConfig {

    /**
     * Hosts (exact names, or {@code *.example.org} for subdomains) http_get and health_check may reach, with any
     * port. Everything else is refused before a connection is made.
     */
    @WithDefault("localhost,127.0.0.1")
    List<String> allowedHosts();

    @WithDefault("10s")
    Duration timeout();

    /** Longest response body returned, in bytes; longer bodies are cut with a note. */
    @WithDefault("65536")
    int maxBodyBytes();
}

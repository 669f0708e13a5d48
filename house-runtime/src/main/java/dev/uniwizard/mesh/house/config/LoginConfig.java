package dev.uniwizard.mesh.house.config;

import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * {@code house.login.*}: how often the house checks that its model endpoint accepts its credentials
 * ({@code GET <house.model.base-url>/models} with the API key), for the {@code login} fact of its heartbeat.
 */
public interface LoginConfig {

    /** Time between checks; the first runs at start. A model call refused with 401/403 counts at once. */
    @WithDefault("5m")
    Duration checkInterval();

    /** Time for one check, connection included. */
    @WithDefault("10s")
    Duration timeout();
}

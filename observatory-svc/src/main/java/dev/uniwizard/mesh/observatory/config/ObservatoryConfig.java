package dev.uniwizard.mesh.observatory.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** What the observatory expects of the mesh, under {@code observatory.*}. */
@ConfigMapping(prefix = "observatory")
public interface ObservatoryConfig {

    /** Services a healthy mesh runs; each needs at least one fresh UP instance for the mesh to be UP. */
    @WithDefault("gateway,router,memory,scheduler,observatory,timmy,ezra,bezalel")
    List<String> expectedServices();

    /** An instance is stale (reported as STOPPED) after this many of its heartbeat intervals without one. */
    @WithDefault("3")
    int staleAfterIntervals();

    /** How many recent security and dead-letter events are kept for {@code GET /api/v1/events/recent}. */
    @WithDefault("20")
    int recentEvents();
}

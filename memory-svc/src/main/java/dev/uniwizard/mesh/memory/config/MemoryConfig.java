package dev.uniwizard.mesh.memory.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Memory settings, under {@code memory.*}. */
@ConfigMapping(prefix = "memory")
public interface MemoryConfig {

    /** Largest message text stored, in characters; longer appends are refused with {@code too_large}. */
    @WithDefault("100000")
    int maxContentChars();

    /** Requests worked on at the same time; further requests wait in NATS' pending buffer. */
    @WithDefault("32")
    int maxInFlight();
}

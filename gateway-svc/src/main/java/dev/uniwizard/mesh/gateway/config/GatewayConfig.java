package dev.uniwizard.mesh.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** HTTP gateway settings, under {@code gateway.*}. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** How long a message request waits for its reply before answering 202 (pending). */
    @WithDefault("30s")
    Duration replyTimeout();

    /** The longest wait a caller may ask for with {@code ?wait=<seconds>}. */
    @WithDefault("120s")
    Duration maxReplyTimeout();

    /** The longest message text accepted, in characters. */
    @WithDefault("16000")
    int maxTextLength();

    /** How many requests may wait for a reply at once; more are refused with 503. */
    @WithDefault("1000")
    int maxPendingReplies();
}

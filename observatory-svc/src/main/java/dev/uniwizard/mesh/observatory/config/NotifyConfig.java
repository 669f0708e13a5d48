package dev.uniwizard.mesh.observatory.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Where alert notifications and the digest go, under {@code observatory.notify.*}. */
@ConfigMapping(prefix = "observatory.notify")
public interface NotifyConfig {

    /**
     * Chats that get notifications through the gateway, each {@code platform:chat} or {@code platform:chat:thread}
     * (e.g. {@code telegram:12345}, {@code slack:C0123:1700000000.000100}).
     */
    Optional<List<String>> chats();

    /** Webhook URLs that get each notification as Alertmanager-style JSON (POST). */
    Optional<List<String>> webhooks();

    Webhook webhook();

    /** How webhooks are called. */
    interface Webhook {

        /** Longest wait for a webhook's answer (and for the connection). */
        @WithDefault("5s")
        Duration timeout();

        /** Attempts per notification; 5xx, 429 and network failures are tried again, other answers are not. */
        @WithDefault("3")
        int attempts();

        /** The wait before the second attempt; it doubles before each further one. */
        @WithDefault("1s")
        Duration backoff();
    }
}

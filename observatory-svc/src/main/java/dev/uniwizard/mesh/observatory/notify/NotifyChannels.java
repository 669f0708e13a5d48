package dev.uniwizard.mesh.observatory.notify;

import dev.uniwizard.mesh.observatory.config.NotifyConfig;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The configured channels ({@code observatory.notify.chats}, {@code observatory.notify.webhooks}), checked at start: a
 * bad entry stops the start with what is wrong. Logs where notifications go, or that they go nowhere.
 */
@Startup
@Singleton
public class NotifyChannels {

    private static final Logger LOG = Logger.getLogger(NotifyChannels.class);

    private final List<Channel> channels;

    public NotifyChannels(NotifyConfig config) {
        List<Channel> all = new ArrayList<>();
        config.chats().orElse(List.of()).stream()
                .filter(s -> !s.isBlank())
                .map(ChatChannel::parse)
                .forEach(all::add);
        config.webhooks().orElse(List.of()).stream()
                .filter(s -> !s.isBlank())
                .map(WebhookChannel::parse)
                .forEach(all::add);
        if (config.webhook().attempts() < 1) {
            throw new IllegalArgumentException(
                    "observatory.notify.webhook.attempts is " + config.webhook().attempts() + "; at least 1");
        }
        this.channels = List.copyOf(all);
    }

    @PostConstruct
    void announce() {
        if (channels.isEmpty()) {
            LOG.warn("no notification channel is configured (observatory.notify.chats, observatory.notify.webhooks):"
                    + " alerts and digests are only recorded (channel 'none') and published on the alert event");
        } else {
            LOG.infof(
                    "notifications go to %s",
                    channels.stream().map(c -> c.name() + " " + c.destination()).toList());
        }
    }

    /** Every channel, chats first. */
    public List<Channel> all() {
        return channels;
    }
}

package dev.uniwizard.mesh.observatory.digest;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.Ids;
import dev.uniwizard.mesh.core.observatory.DigestReport;
import dev.uniwizard.mesh.observatory.config.DigestConfig;
import dev.uniwizard.mesh.observatory.notify.Channel;
import dev.uniwizard.mesh.observatory.notify.ChannelSender;
import dev.uniwizard.mesh.observatory.notify.Delivery;
import dev.uniwizard.mesh.observatory.notify.NotifyChannels;
import dev.uniwizard.mesh.observatory.notify.WebhookChannel;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Sends a digest to the notify channels: its text to the chats, its JSON to the webhooks (unless
 * {@code observatory.digest.webhooks=false}), counted in {@code mesh_observatory_digest_sent_total{channel,delivered}}.
 */
@Singleton
public class DigestSender {

    private static final Logger LOG = Logger.getLogger(DigestSender.class);

    /**
     * What became of the digest on one channel.
     *
     * @param channel the platform, or {@code webhook}
     * @param destination the chat or the webhook URL
     * @param delivered whether it was accepted
     * @param error why not
     */
    public record Outcome(String channel, String destination, boolean delivered, String error) {}

    private final NotifyChannels channels;
    private final ChannelSender sender;
    private final DigestConfig config;
    private final MeterRegistry registry;
    private final Clock clock;

    public DigestSender(
            NotifyChannels channels, ChannelSender sender, DigestConfig config, MeterRegistry registry, Clock clock) {
        this.channels = channels;
        this.sender = sender;
        this.config = config;
        this.registry = registry;
        this.clock = clock;
    }

    public List<Outcome> send(DigestReport report) {
        String json;
        try {
            json = EnvelopeCodec.mapper().writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("the digest cannot be written as JSON", e);
        }
        String id = Ids.newId(clock);
        List<Outcome> outcomes = new ArrayList<>();
        for (Channel channel : channels.all()) {
            if (channel instanceof WebhookChannel && !config.webhooks()) {
                continue;
            }
            Delivery delivery = sender.send(channel, id, report.text(), json, "digest");
            registry.counter(
                            "mesh.observatory.digest.sent",
                            "channel",
                            channel.name(),
                            "delivered",
                            String.valueOf(delivery.delivered()))
                    .increment();
            outcomes.add(new Outcome(channel.name(), channel.destination(), delivery.delivered(), delivery.error()));
            if (!delivery.delivered()) {
                LOG.warnf("digest to %s %s not delivered: %s", channel.name(), channel.destination(), delivery.error());
            }
        }
        if (outcomes.isEmpty()) {
            LOG.infof("digest to %s: no channel to send it to", report.to());
        } else {
            LOG.infof("digest to %s sent: %s", report.to(), outcomes);
        }
        return outcomes;
    }
}

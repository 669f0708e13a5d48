package dev.uniwizard.mesh.observatory.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.envelope.Ids;
import dev.uniwizard.mesh.core.observatory.AlertNotification;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.service.messaging.EnvelopePublisher;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Sends the notifications waiting in {@code alert_outbox} to every channel: chats get the text as a gateway reply
 * (envelope id derived from the notification and the chat, so a second attempt is deduplicated by JetStream), webhooks
 * get the {@link AlertNotification} JSON. Each channel's outcome is recorded in {@code alert_notifications} (a channel
 * already recorded is not sent again) and counted in {@code mesh_observatory_alerts_sent_total{channel,status,delivered}};
 * then the notification is published on {@code <root>.events.alert} and leaves the outbox. With no channel configured
 * it is recorded once with channel {@code none}.
 *
 * <p>One notification at a time is sent in a transaction that locks its outbox row (skipping rows another node
 * holds): a crash before the commit sends it again (webhooks may then get it twice, chats not).
 */
@Singleton
public class AlertDispatch {

    private static final Logger LOG = Logger.getLogger(AlertDispatch.class);

    /** The channel of the record of a notification that had nowhere to go. */
    public static final String NO_CHANNEL = "none";

    static final String SENT = "mesh.observatory.alerts.sent";

    /** The webhook's {@code X-Mesh-Notification} header. */
    static final String KIND = "alert";

    private final Jdbi jdbi;
    private final NotifyChannels channels;
    private final ChannelSender sender;
    private final AlertRecords records;
    private final ObservatoryEnvelopes envelopes;
    private final EnvelopePublisher publisher;
    private final Subjects subjects;
    private final MeterRegistry registry;
    private final Clock clock;

    public AlertDispatch(
            Jdbi jdbi,
            NotifyChannels channels,
            ChannelSender sender,
            AlertRecords records,
            ObservatoryEnvelopes envelopes,
            EnvelopePublisher publisher,
            Subjects subjects,
            MeterRegistry registry,
            Clock clock) {
        this.jdbi = jdbi;
        this.channels = channels;
        this.sender = sender;
        this.records = records;
        this.envelopes = envelopes;
        this.publisher = publisher;
        this.subjects = subjects;
        this.registry = registry;
        this.clock = clock;
    }

    /** Sends every waiting notification; how many were sent. */
    public int drain() {
        int sent = 0;
        while (jdbi.inTransaction(this::sendNext)) {
            sent++;
        }
        return sent;
    }

    private boolean sendNext(Handle handle) {
        Optional<String[]> next = handle.createQuery("SELECT notification_id, notification::text AS notification FROM"
                        + " alert_outbox ORDER BY created_at, notification_id LIMIT 1 FOR UPDATE SKIP LOCKED")
                .map((rs, ctx) -> new String[] {rs.getString("notification_id"), rs.getString("notification")})
                .findOne();
        if (next.isEmpty()) {
            return false;
        }
        String id = next.get()[0];
        try {
            deliver(handle, EnvelopeCodec.mapper().readValue(next.get()[1], AlertNotification.class));
        } catch (JsonProcessingException e) {
            LOG.errorf("dropping unreadable notification %s from the outbox: %s", id, e.getOriginalMessage());
        }
        handle.execute("DELETE FROM alert_outbox WHERE notification_id = ?", id);
        return true;
    }

    /** Sends one notification to every channel not yet recorded for it, records it and publishes the event. */
    void deliver(Handle handle, AlertNotification notification) throws JsonProcessingException {
        if (channels.all().isEmpty()) {
            if (!records.sent(handle, notification.id(), NO_CHANNEL, "")) {
                Delivery nowhere = Delivery.failed("no notification channel is configured"
                        + " (observatory.notify.chats, observatory.notify.webhooks)");
                records.insert(handle, notification, NO_CHANNEL, "", nowhere, clock.instant());
                count(NO_CHANNEL, notification, nowhere);
                LOG.infof(
                        "notification %s %s %s: no channel",
                        notification.id(), notification.status(), notification.groupKey());
            }
        }
        String json = EnvelopeCodec.mapper().writeValueAsString(notification);
        for (Channel channel : channels.all()) {
            if (records.sent(handle, notification.id(), channel.name(), channel.destination())) {
                continue;
            }
            Delivery delivery = sender.send(channel, notification.id(), notification.text(), json, KIND);
            records.insert(handle, notification, channel.name(), channel.destination(), delivery, clock.instant());
            count(channel.name(), notification, delivery);
            if (delivery.delivered()) {
                LOG.infof(
                        "notification %s (%s %s) sent to %s %s",
                        notification.id(),
                        notification.status(),
                        notification.groupKey(),
                        channel.name(),
                        channel.destination());
            } else {
                LOG.warnf(
                        "notification %s (%s %s) not delivered to %s %s: %s",
                        notification.id(),
                        notification.status(),
                        notification.groupKey(),
                        channel.name(),
                        channel.destination(),
                        delivery.error());
            }
        }
        publishEvent(notification);
    }

    private void publishEvent(AlertNotification notification) {
        String subject = subjects.events(Subjects.EVENT_ALERT);
        try {
            publisher.publishDurable(
                    subject,
                    envelopes.create(Ids.derive(notification.id(), "event"), EnvelopeKind.EVENT, notification));
        } catch (RuntimeException e) {
            LOG.errorf("notification %s was not published on %s: %s", notification.id(), subject, e.getMessage());
        }
    }

    private void count(String channel, AlertNotification notification, Delivery delivery) {
        registry.counter(
                        SENT,
                        "channel",
                        channel,
                        "status",
                        notification.status(),
                        "delivered",
                        String.valueOf(delivery.delivered()))
                .increment();
    }
}

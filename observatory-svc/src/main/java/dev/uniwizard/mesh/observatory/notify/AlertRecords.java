package dev.uniwizard.mesh.observatory.notify;

import dev.uniwizard.mesh.core.observatory.AlertNotification;
import dev.uniwizard.mesh.core.observatory.AlertRecord;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** {@code alert_notifications}: every notification as sent, one row per channel. */
@Singleton
public class AlertRecords {

    private final Jdbi jdbi;

    public AlertRecords(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Whether {@code notificationId} was already sent to this channel (a retry of the notification skips it). */
    boolean sent(Handle handle, String notificationId, String channel, String destination) {
        return handle.createQuery("SELECT EXISTS (SELECT 1 FROM alert_notifications WHERE notification_id = :id AND"
                        + " channel = :channel AND destination = :destination)")
                .bind("id", notificationId)
                .bind("channel", channel)
                .bind("destination", destination)
                .mapTo(Boolean.class)
                .one();
    }

    void insert(
            Handle handle,
            AlertNotification notification,
            String channel,
            String destination,
            Delivery delivery,
            Instant at) {
        handle.createUpdate("INSERT INTO alert_notifications (notification_id, group_key, status, channel,"
                        + " destination, delivered, error, alerts, body, sent_at) VALUES (:id, :group, :status,"
                        + " :channel, :destination, :delivered, :error, :alerts, :body, :at) ON CONFLICT"
                        + " (notification_id, channel, destination) DO NOTHING")
                .bind("id", notification.id())
                .bind("group", notification.groupKey())
                .bind("status", notification.status())
                .bind("channel", channel)
                .bind("destination", destination)
                .bind("delivered", delivery.delivered())
                .bind("error", delivery.error())
                .bind("alerts", notification.alerts().size())
                .bind("body", notification.text())
                .bind("at", at.atOffset(ZoneOffset.UTC))
                .execute();
    }

    /** The newest {@code limit} records, newest first. */
    public List<AlertRecord> newest(int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT id, notification_id, group_key, status, channel,"
                        + " destination, delivered, error, alerts, body, sent_at FROM alert_notifications ORDER BY"
                        + " sent_at DESC, id DESC LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> record(rs))
                .list());
    }

    /** Notifications (not channels) sent in {@code [from, to)}. */
    public long notificationsBetween(Instant from, Instant to) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT count(DISTINCT notification_id) FROM"
                        + " alert_notifications WHERE sent_at >= :from AND sent_at < :to")
                .bind("from", from.atOffset(ZoneOffset.UTC))
                .bind("to", to.atOffset(ZoneOffset.UTC))
                .mapTo(Long.class)
                .one());
    }

    private static AlertRecord record(ResultSet rs) throws SQLException {
        return new AlertRecord(
                rs.getLong("id"),
                rs.getString("notification_id"),
                rs.getString("group_key"),
                rs.getString("status"),
                rs.getString("channel"),
                rs.getString("destination"),
                rs.getBoolean("delivered"),
                rs.getString("error"),
                rs.getInt("alerts"),
                rs.getString("body"),
                rs.getObject("sent_at", OffsetDateTime.class).toInstant());
    }
}

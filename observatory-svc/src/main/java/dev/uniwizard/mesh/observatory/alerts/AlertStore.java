package dev.uniwizard.mesh.observatory.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.observatory.AlertNotification;
import jakarta.inject.Singleton;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The alert state machine's book in PostgreSQL ({@code alert_states}, {@code alert_groups}) and the notifications
 * decided but not yet sent ({@code alert_outbox}). Every change runs in a transaction that holds one advisory lock, so
 * an evaluation, a flush and another observatory node taking over never interleave; only rows that changed are
 * written.
 */
@Singleton
public class AlertStore {

    /** "alerting" in ASCII: serializes every change of the alert book across nodes. */
    private static final long LOCK = 0x616c657274696e67L;

    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

    private final Jdbi jdbi;

    public AlertStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Applies {@code change} to the stored book under the lock; the change's result is kept. */
    public <T> T change(Function<AlertBook, Change<T>> change) {
        return jdbi.inTransaction(handle -> {
            handle.execute("SELECT pg_advisory_xact_lock(?)", LOCK);
            AlertBook before = load(handle);
            Change<T> result = change.apply(before);
            save(handle, before, result.book());
            for (AlertNotification notification : result.outbox()) {
                handle.createUpdate("INSERT INTO alert_outbox (notification_id, created_at, notification) VALUES"
                                + " (:id, :at, CAST(:json AS jsonb))")
                        .bind("id", notification.id())
                        .bind("at", at(notification.sentAt()))
                        .bind("json", json(notification))
                        .execute();
            }
            return result.value();
        });
    }

    /** The book as stored now (for reading; not locked). */
    public AlertBook read() {
        return jdbi.withHandle(AlertStore::load);
    }

    /**
     * What a change leaves: the new book, notifications to send (stored in the same transaction) and a value for the
     * caller.
     */
    public record Change<T>(AlertBook book, List<AlertNotification> outbox, T value) {

        public Change {
            outbox = List.copyOf(outbox);
        }
    }

    private static AlertBook load(Handle handle) {
        Map<String, TrackedAlert> active = new HashMap<>();
        Map<String, TrackedAlert> resolved = new HashMap<>();
        handle.createQuery("SELECT fingerprint, phase, group_key, labels::text AS labels, annotations::text AS"
                        + " annotations, starts_at, fired_at, ends_at FROM alert_states")
                .map((rs, ctx) -> alert(rs))
                .forEach(alert ->
                        (alert.phase() == AlertPhase.RESOLVED ? resolved : active).put(alert.fingerprint(), alert));
        Map<String, AlertGroup> groups = new HashMap<>();
        handle.createQuery("SELECT group_key, labels::text AS labels, created_at, last_notified_at,"
                        + " notified_firing::text AS notified_firing FROM alert_groups")
                .map((rs, ctx) -> new AlertGroup(
                        rs.getString("group_key"),
                        map(rs.getString("labels")),
                        instant(rs, "created_at"),
                        instant(rs, "last_notified_at"),
                        map(rs.getString("notified_firing"))))
                .forEach(group -> groups.put(group.key(), group));
        return new AlertBook(active, resolved, groups);
    }

    private static void save(Handle handle, AlertBook before, AlertBook after) {
        saveAlerts(handle, before.active(), after.active(), false);
        saveAlerts(handle, before.resolved(), after.resolved(), true);
        for (AlertGroup old : before.groups().values()) {
            if (!after.groups().containsKey(old.key())) {
                handle.execute("DELETE FROM alert_groups WHERE group_key = ?", old.key());
            }
        }
        for (AlertGroup group : after.groups().values()) {
            if (!group.equals(before.groups().get(group.key()))) {
                handle.createUpdate("INSERT INTO alert_groups (group_key, labels, created_at, last_notified_at,"
                                + " notified_firing) VALUES (:key, CAST(:labels AS jsonb), :created, :notified,"
                                + " CAST(:firing AS jsonb)) ON CONFLICT (group_key) DO UPDATE SET labels ="
                                + " excluded.labels, created_at = excluded.created_at, last_notified_at ="
                                + " excluded.last_notified_at, notified_firing = excluded.notified_firing")
                        .bind("key", group.key())
                        .bind("labels", json(group.labels()))
                        .bind("created", at(group.createdAt()))
                        .bind("notified", at(group.lastNotifiedAt()))
                        .bind("firing", json(group.notifiedFiring()))
                        .execute();
            }
        }
    }

    private static void saveAlerts(
            Handle handle, Map<String, TrackedAlert> before, Map<String, TrackedAlert> after, boolean resolved) {
        for (TrackedAlert old : before.values()) {
            if (!after.containsKey(old.fingerprint())) {
                handle.execute(
                        "DELETE FROM alert_states WHERE fingerprint = ? AND (phase = 'resolved') = ?",
                        old.fingerprint(),
                        resolved);
            }
        }
        for (TrackedAlert alert : after.values()) {
            if (Objects.equals(alert, before.get(alert.fingerprint()))) {
                continue;
            }
            handle.execute(
                    "DELETE FROM alert_states WHERE fingerprint = ? AND (phase = 'resolved') = ?",
                    alert.fingerprint(),
                    resolved);
            handle.createUpdate("INSERT INTO alert_states (fingerprint, phase, group_key, labels, annotations,"
                            + " starts_at, fired_at, ends_at) VALUES (:fingerprint, :phase, :group, CAST(:labels AS"
                            + " jsonb), CAST(:annotations AS jsonb), :starts, :fired, :ends)")
                    .bind("fingerprint", alert.fingerprint())
                    .bind("phase", alert.phase().wireName())
                    .bind("group", alert.groupKey())
                    .bind("labels", json(alert.labels()))
                    .bind("annotations", json(alert.annotations()))
                    .bind("starts", at(alert.startsAt()))
                    .bind("fired", at(alert.firedAt()))
                    .bind("ends", at(alert.endsAt()))
                    .execute();
        }
    }

    private static TrackedAlert alert(ResultSet rs) throws SQLException {
        return new TrackedAlert(
                rs.getString("fingerprint"),
                AlertPhase.fromWire(rs.getString("phase")),
                rs.getString("group_key"),
                map(rs.getString("labels")),
                map(rs.getString("annotations")),
                instant(rs, "starts_at"),
                instant(rs, "fired_at"),
                instant(rs, "ends_at"));
    }

    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Map<String, String> map(String json) {
        try {
            return EnvelopeCodec.mapper().readValue(json, STRING_MAP);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a stored alert label map is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    static String json(Object value) {
        try {
            return EnvelopeCodec.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}

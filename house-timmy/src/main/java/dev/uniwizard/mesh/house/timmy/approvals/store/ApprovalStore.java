package dev.uniwizard.mesh.house.timmy.approvals.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.uniwizard.mesh.core.approval.ApprovalRequest;
import dev.uniwizard.mesh.core.approval.ApprovalState;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.Sender;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Approval requests and their audit trail in PostgreSQL. Every change of state is a conditional update from
 * {@code pending} plus an audit line, in one transaction, so two deciders (an operator and the expiry sweep, or two
 * replicas) never both win. Failures surface as Jdbi's runtime exceptions.
 */
@Singleton
public class ApprovalStore {

    /** Who expires overdue requests. */
    public static final String EXPIRY = "timmy:expiry";

    private static final String COLUMNS = "id, house, tool, arguments::text AS arguments, arguments_digest, reason,"
            + " conversation_id, correlation_id, requested_by_node, requested_for_platform, requested_for_user,"
            + " requested_for_display, requested_at, expires_at, state, decided_by, note, decided_at";

    private static final ObjectMapper MAPPER = EnvelopeCodec.mapper();

    private final Jdbi jdbi;

    public ApprovalStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Records a new request (pending, or at once decided by its auto rule), or finds the one already stored under its
     * id. Idempotent: recording the same id twice stores it once.
     */
    public Recorded record(NewApproval approval) {
        return jdbi.inTransaction(handle -> {
            ApprovalRequest request = approval.request();
            Sender sender = request.requestedFor();
            Optional<ApprovalRecord> inserted = handle.createQuery("""
                            INSERT INTO approvals (id, house, tool, arguments, arguments_digest, reason, conversation_id,
                                                   correlation_id, requested_by_node, requested_for_platform,
                                                   requested_for_user, requested_for_display, requested_at, expires_at)
                            VALUES (:id, :house, :tool, CAST(:arguments AS jsonb), :digest, :reason, :conversationId,
                                    :correlationId, :node, :platform, :user, :display, :requestedAt, :expiresAt)
                            ON CONFLICT (id) DO NOTHING
                            RETURNING\s""" + COLUMNS)
                    .bind("id", request.approvalId())
                    .bind("house", request.house())
                    .bind("tool", request.tool())
                    .bind("arguments", json(request.arguments()))
                    .bind("digest", request.argumentsDigest())
                    .bind("reason", request.reason())
                    .bind("conversationId", request.conversationId())
                    .bind("correlationId", request.correlationId())
                    .bind("node", approval.requestedByNode())
                    .bind("platform", sender == null ? null : sender.platform())
                    .bind("user", sender == null ? null : sender.userId())
                    .bind("display", sender == null ? null : sender.displayName())
                    .bindByType("requestedAt", utc(approval.requestedAt()), OffsetDateTime.class)
                    // Kept to the millisecond, like every time on the mesh (PostgreSQL would round nanoseconds).
                    .bindByType(
                            "expiresAt", utc(request.expiresAt().truncatedTo(ChronoUnit.MILLIS)), OffsetDateTime.class)
                    .map(ApprovalStore::approval)
                    .findOne();
            if (inserted.isEmpty()) {
                return new Recorded(find(handle, request.approvalId()).orElseThrow(), false);
            }
            audit(
                    handle,
                    request.approvalId(),
                    ApprovalState.PENDING,
                    approval.requester(),
                    null,
                    approval.requestedAt());
            if (approval.autoState() == null) {
                return new Recorded(inserted.get(), true);
            }
            ApprovalRecord decided = transition(
                            handle,
                            request.approvalId(),
                            approval.autoState(),
                            approval.autoDecidedBy(),
                            null,
                            approval.requestedAt(),
                            false)
                    .orElseThrow();
            return new Recorded(decided, true);
        });
    }

    public Optional<ApprovalRecord> find(String id) {
        return jdbi.withHandle(handle -> find(handle, id));
    }

    /**
     * Decides a pending request that has not expired by {@code now}. Empty when it is no longer pending or is overdue
     * (the caller reads it again to say why).
     */
    public Optional<ApprovalRecord> decide(String id, ApprovalState state, String by, String note, Instant now) {
        if (!state.decided() || state == ApprovalState.EXPIRED) {
            throw new IllegalArgumentException("a decision approves or denies, not " + state.wireName());
        }
        return jdbi.inTransaction(handle -> transition(handle, id, state, by, note, now, true));
    }

    /** Expires one request if it is pending and past its expiry; empty otherwise. */
    public Optional<ApprovalRecord> expireIfOverdue(String id, Instant now) {
        return jdbi.inTransaction(handle -> {
            Optional<ApprovalRecord> expired = handle.createQuery("UPDATE approvals"
                            + " SET state = 'expired', decided_by = :by, decided_at = :now"
                            + " WHERE id = :id AND state = 'pending' AND expires_at <= :now"
                            + " RETURNING " + COLUMNS)
                    .bind("id", id)
                    .bind("by", EXPIRY)
                    .bindByType("now", utc(now), OffsetDateTime.class)
                    .map(ApprovalStore::approval)
                    .findOne();
            expired.ifPresent(record -> audit(handle, id, ApprovalState.EXPIRED, EXPIRY, null, now));
            return expired;
        });
    }

    /**
     * Expires up to {@code batch} pending requests past their expiry. Rows another replica is expiring at the same
     * moment are skipped, not waited for.
     */
    public List<ApprovalRecord> expireOverdue(Instant now, int batch) {
        return jdbi.inTransaction(handle -> {
            List<ApprovalRecord> expired = handle.createQuery("UPDATE approvals"
                            + " SET state = 'expired', decided_by = :by, decided_at = :now"
                            + " WHERE id IN (SELECT id FROM approvals WHERE state = 'pending' AND expires_at <= :now"
                            + " ORDER BY expires_at LIMIT :batch FOR UPDATE SKIP LOCKED)"
                            + " RETURNING " + COLUMNS)
                    .bind("by", EXPIRY)
                    .bind("batch", batch)
                    .bindByType("now", utc(now), OffsetDateTime.class)
                    .map(ApprovalStore::approval)
                    .list();
            for (ApprovalRecord record : expired) {
                audit(handle, record.id(), ApprovalState.EXPIRED, EXPIRY, null, now);
            }
            return expired;
        });
    }

    /** Requests, newest first; only those in {@code state} when given. */
    public List<ApprovalRecord> list(Optional<ApprovalState> state, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM approvals"
                        + " WHERE CAST(:state AS text) IS NULL OR state = :state"
                        + " ORDER BY requested_at DESC, id DESC LIMIT :limit")
                .bind("state", state.map(ApprovalState::wireName).orElse(null))
                .bind("limit", limit)
                .map(ApprovalStore::approval)
                .list());
    }

    /** How many requests are pending (overdue ones the expiry sweep has not reached yet included). */
    public int countPending() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT count(*) FROM approvals WHERE state = 'pending'")
                .mapTo(Integer.class)
                .one());
    }

    /** The audit trail of one request, oldest first. */
    public List<ApprovalEvent> history(String id) {
        return jdbi.withHandle(
                handle -> handle.createQuery("SELECT seq, state, actor, note, recorded_at FROM approval_events"
                                + " WHERE approval_id = :id ORDER BY seq")
                        .bind("id", id)
                        .map((rs, ctx) -> new ApprovalEvent(
                                rs.getLong("seq"),
                                ApprovalState.fromWire(rs.getString("state")),
                                rs.getString("actor"),
                                rs.getString("note"),
                                instant(rs, "recorded_at")))
                        .list());
    }

    private static Optional<ApprovalRecord> transition(
            Handle handle,
            String id,
            ApprovalState state,
            String by,
            String note,
            Instant now,
            boolean onlyBeforeExpiry) {
        Optional<ApprovalRecord> decided = handle.createQuery("UPDATE approvals"
                        + " SET state = :state, decided_by = :by, note = :note, decided_at = :now"
                        + " WHERE id = :id AND state = 'pending'"
                        + (onlyBeforeExpiry ? " AND expires_at > :now" : "")
                        + " RETURNING " + COLUMNS)
                .bind("id", id)
                .bind("state", state.wireName())
                .bind("by", by)
                .bind("note", note)
                .bindByType("now", utc(now), OffsetDateTime.class)
                .map(ApprovalStore::approval)
                .findOne();
        decided.ifPresent(record -> audit(handle, id, state, by, note, now));
        return decided;
    }

    private static Optional<ApprovalRecord> find(Handle handle, String id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM approvals WHERE id = :id")
                .bind("id", id)
                .map(ApprovalStore::approval)
                .findOne();
    }

    private static void audit(Handle handle, String id, ApprovalState state, String actor, String note, Instant at) {
        handle.createUpdate("INSERT INTO approval_events (approval_id, state, actor, note, recorded_at)"
                        + " VALUES (:id, :state, :actor, :note, :at)")
                .bind("id", id)
                .bind("state", state.wireName())
                .bind("actor", actor)
                .bind("note", note)
                .bindByType("at", utc(at), OffsetDateTime.class)
                .execute();
    }

    private static ApprovalRecord approval(ResultSet rs, StatementContext ctx) throws SQLException {
        String platform = rs.getString("requested_for_platform");
        String user = rs.getString("requested_for_user");
        String display = rs.getString("requested_for_display");
        Sender requestedFor =
                platform == null && user == null && display == null ? null : new Sender(platform, user, display);
        return new ApprovalRecord(
                rs.getString("id"),
                rs.getString("house"),
                rs.getString("tool"),
                tree(rs.getString("arguments")),
                rs.getString("arguments_digest"),
                rs.getString("reason"),
                rs.getString("conversation_id"),
                rs.getString("correlation_id"),
                rs.getString("requested_by_node"),
                requestedFor,
                instant(rs, "requested_at"),
                instant(rs, "expires_at"),
                ApprovalState.fromWire(rs.getString("state")),
                rs.getString("decided_by"),
                rs.getString("note"),
                instant(rs, "decided_at"));
    }

    private static String json(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("arguments cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode tree(String json) throws SQLException {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new SQLException("stored arguments are not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}

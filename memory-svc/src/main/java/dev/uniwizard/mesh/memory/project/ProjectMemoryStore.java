package dev.uniwizard.mesh.memory.project;

import dev.uniwizard.mesh.core.memory.MemoryMarkers;
import dev.uniwizard.mesh.core.memory.ProjectMemoryEntry;
import dev.uniwizard.mesh.core.memory.ProjectMemoryList;
import dev.uniwizard.mesh.core.memory.PromoteResult;
import dev.uniwizard.mesh.memory.chain.ChainSource;
import dev.uniwizard.mesh.memory.chain.ChainWriter;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * Project memory (Hermes v2) in PostgreSQL: promoted entries, their expiry, and the markers houses put into their
 * prompts. Promoting is idempotent on the request id; every entry and every expiry is linked into the chain in the
 * transaction that stores it. Entries are never changed except for their expiry columns. Failures surface as Jdbi's
 * runtime exceptions.
 */
@Singleton
public class ProjectMemoryStore {

    private final Jdbi jdbi;
    private final ChainWriter chain;

    public ProjectMemoryStore(Jdbi jdbi, ChainWriter chain) {
        this.jdbi = jdbi;
        this.chain = chain;
    }

    /** Stores a promotion, or answers the entry stored earlier under the same request id ({@code duplicate}). */
    public PromoteResult promote(Promotion promotion) {
        return jdbi.inTransaction(handle -> {
            Optional<ProjectMemoryEntry> existing = byRequestId(handle, promotion.requestId());
            if (existing.isPresent()) {
                return new PromoteResult(existing.get(), true);
            }
            Optional<Long> id = handle.createQuery("""
                            INSERT INTO project_memory (request_id, project, memory_type, content, marker, houses,
                                                        promoted_by, house, source_conversation, source_seqs,
                                                        promoted_at, relevance_score, expires_at)
                            VALUES (:requestId, :project, :memoryType, :content, :marker, :houses, :promotedBy,
                                    :house, :sourceConversation, :sourceSeqs, now(), :relevance, :expiresAt)
                            ON CONFLICT (request_id) DO NOTHING
                            RETURNING id
                            """)
                    .bind("requestId", promotion.requestId())
                    .bind("project", promotion.project())
                    .bind("memoryType", promotion.memoryType())
                    .bind("content", promotion.content())
                    .bind("marker", promotion.marker())
                    .bindArray("houses", String.class, promotion.houses())
                    .bind("promotedBy", promotion.promotedBy())
                    .bind("house", promotion.house())
                    .bind("sourceConversation", promotion.sourceConversationId())
                    .bindArray("sourceSeqs", Long.class, promotion.sourceSeqs())
                    .bind("relevance", promotion.relevanceScore())
                    .bindByType("expiresAt", utc(promotion.expiresAt()), OffsetDateTime.class)
                    .mapTo(Long.class)
                    .findOne();
            if (id.isEmpty()) {
                // Promoted concurrently under the same request id since the check above.
                return new PromoteResult(
                        byRequestId(handle, promotion.requestId()).orElseThrow(), true);
            }
            chain.link(handle, ChainSource.PROJECT_MEMORY, id.get());
            return new PromoteResult(byId(handle, id.get()).orElseThrow(), false);
        });
    }

    public Optional<ProjectMemoryEntry> find(long id) {
        return jdbi.withHandle(handle -> byId(handle, id));
    }

    /**
     * A project's entries, newest first: of one type if given; for one house if given (entries for every house and
     * those naming it); only active ones unless {@code includeExpired}.
     */
    public ProjectMemoryList list(String project, String memoryType, String house, boolean includeExpired, int limit) {
        List<String> where = new ArrayList<>(List.of("project = :project"));
        if (memoryType != null) {
            where.add("memory_type = :memoryType");
        }
        if (house != null) {
            where.add("(cardinality(houses) = 0 OR :house = ANY (houses))");
        }
        if (!includeExpired) {
            where.add("expired_at IS NULL AND (expires_at IS NULL OR expires_at > now())");
        }
        List<ProjectMemoryEntry> entries = jdbi.withHandle(handle -> {
            Query query = handle.createQuery("SELECT " + ProjectMemoryRows.COLUMNS + " FROM project_memory WHERE "
                            + String.join(" AND ", where) + " ORDER BY promoted_at DESC, id DESC LIMIT :limit")
                    .bind("project", project)
                    .bind("limit", limit);
            if (memoryType != null) {
                query.bind("memoryType", memoryType);
            }
            if (house != null) {
                query.bind("house", house);
            }
            return query.map(ProjectMemoryRows::entry).list();
        });
        return new ProjectMemoryList(project, entries);
    }

    /**
     * Stops serving an entry: records the expiry as a chained change and marks the entry. An entry expired before is
     * answered as it is ({@code changed} false, no new change); empty when there is no such entry.
     */
    public Optional<Expiry> expire(long id, String reason, String changedBy) {
        return jdbi.inTransaction(handle -> {
            Optional<Locked> locked = handle.createQuery(
                            "SELECT expired_at FROM project_memory WHERE id = :id FOR UPDATE")
                    .bind("id", id)
                    .map((rs, ctx) -> new Locked(ProjectMemoryRows.instant(rs, "expired_at")))
                    .findOne();
            if (locked.isEmpty()) {
                return Optional.empty();
            }
            if (locked.get().expiredAt() != null) {
                return Optional.of(new Expiry(byId(handle, id).orElseThrow(), false));
            }
            long changeId = handle.createQuery("""
                            INSERT INTO project_memory_changes (memory_id, change, reason, changed_by, changed_at)
                            VALUES (:id, 'expired', :reason, :changedBy, now())
                            RETURNING id
                            """)
                    .bind("id", id)
                    .bind("reason", reason)
                    .bind("changedBy", changedBy)
                    .mapTo(Long.class)
                    .one();
            chain.link(handle, ChainSource.PROJECT_MEMORY_CHANGES, changeId);
            handle.createUpdate("""
                            UPDATE project_memory p
                               SET expired_at = c.changed_at, expired_reason = c.reason
                              FROM project_memory_changes c
                             WHERE p.id = :id AND c.id = :changeId
                            """).bind("id", id).bind("changeId", changeId).execute();
            return Optional.of(new Expiry(byId(handle, id).orElseThrow(), true));
        });
    }

    /**
     * The marker lines of a project's active entries, most relevant and newest first: for {@code house}, those for
     * every house and those naming it; without a house, all of them.
     */
    public MemoryMarkers markers(String project, String house, int limit) {
        List<String> lines = jdbi.withHandle(handle -> {
            Query query = handle.createQuery(
                            """
                            SELECT m.memory_id, m.memory_type, m.marker, m.promoted_at, m.house, p.promoted_by
                              FROM memory_markers m
                              JOIN project_memory p ON p.id = m.memory_id
                             WHERE m.project = :project
                            """ + (house == null ? "" : " AND (cardinality(m.houses) = 0 OR :house = ANY (m.houses))")
                                    + " ORDER BY m.relevance_score DESC, m.promoted_at DESC, m.memory_id DESC LIMIT :limit")
                    .bind("project", project)
                    .bind("limit", limit);
            if (house != null) {
                query.bind("house", house);
            }
            return query.map((rs, ctx) -> MarkerLine.format(
                            rs.getString("memory_type"),
                            rs.getLong("memory_id"),
                            ProjectMemoryRows.instant(rs, "promoted_at"),
                            rs.getString("house"),
                            rs.getString("promoted_by"),
                            rs.getString("marker")))
                    .list();
        });
        return new MemoryMarkers(project, house, lines);
    }

    private static Optional<ProjectMemoryEntry> byId(Handle handle, long id) {
        return handle.createQuery("SELECT " + ProjectMemoryRows.COLUMNS + " FROM project_memory WHERE id = :id")
                .bind("id", id)
                .map(ProjectMemoryRows::entry)
                .findOne();
    }

    private static Optional<ProjectMemoryEntry> byRequestId(Handle handle, String requestId) {
        return handle.createQuery(
                        "SELECT " + ProjectMemoryRows.COLUMNS + " FROM project_memory WHERE request_id = :requestId")
                .bind("requestId", requestId)
                .map(ProjectMemoryRows::entry)
                .findOne();
    }

    /** An entry locked for its expiry, with the moment it was expired before, if it was. */
    private record Locked(Instant expiredAt) {}

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}

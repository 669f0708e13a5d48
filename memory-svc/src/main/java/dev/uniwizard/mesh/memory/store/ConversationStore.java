package dev.uniwizard.mesh.memory.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.payload.ConversationHistory;
import dev.uniwizard.mesh.core.payload.MemoryAppendRequest;
import dev.uniwizard.mesh.core.payload.MemoryAppendResult;
import dev.uniwizard.mesh.core.payload.StoredMessage;
import dev.uniwizard.mesh.core.payload.ToolCallTrace;
import dev.uniwizard.mesh.memory.chain.ChainLinker;
import jakarta.inject.Singleton;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Conversations and their messages in PostgreSQL, each message with its tool calls as a JSON array. Appending is
 * idempotent on the envelope id: a message delivered twice is stored once and the second append reports the first
 * one's sequence number. A stored message is answered once the {@link ChainLinker} has linked it into the chain
 * (or its wait ran out: it is linked by a later pass). Failures surface as Jdbi's runtime exceptions.
 */
@Singleton
public class ConversationStore {

    private final Jdbi jdbi;
    private final ChainLinker linker;

    public ConversationStore(Jdbi jdbi, ChainLinker linker) {
        this.jdbi = jdbi;
        this.linker = linker;
    }

    /**
     * Stores one message (validated by the caller) and updates its conversation, in one transaction, then waits for
     * its link.
     */
    public MemoryAppendResult append(MemoryAppendRequest request) {
        MemoryAppendResult result = store(request);
        if (!result.duplicate()) {
            linker.awaitLinked(result.seq());
        }
        return result;
    }

    private MemoryAppendResult store(MemoryAppendRequest request) {
        return jdbi.inTransaction(handle -> {
            Optional<Long> existing = existingSeq(handle, request.envelopeId());
            if (existing.isPresent()) {
                return new MemoryAppendResult(existing.get(), true);
            }
            handle.createUpdate("INSERT INTO conversations (id) VALUES (:id) ON CONFLICT (id) DO NOTHING")
                    .bind("id", request.conversationId())
                    .execute();
            Optional<Long> inserted = handle.createQuery("""
                            INSERT INTO messages (envelope_id, conversation_id, role, house, sender_platform,
                                                  sender_user_id, sender_display_name, content, said_at,
                                                  tool_calls)
                            VALUES (:envelopeId, :conversationId, :role, :house, :platform, :userId, :displayName,
                                    :content, :at, CAST(:toolCalls AS jsonb))
                            ON CONFLICT (envelope_id) DO NOTHING
                            RETURNING seq
                            """)
                    .bind("envelopeId", request.envelopeId())
                    .bind("conversationId", request.conversationId())
                    .bind("role", request.role())
                    .bind("house", request.house())
                    .bind(
                            "platform",
                            request.sender() == null ? null : request.sender().platform())
                    .bind(
                            "userId",
                            request.sender() == null ? null : request.sender().userId())
                    .bind(
                            "displayName",
                            request.sender() == null ? null : request.sender().displayName())
                    .bind("content", request.content())
                    .bindByType("at", utc(request.at()), OffsetDateTime.class)
                    .bind("toolCalls", toolCallsJson(request.toolCalls()))
                    .mapTo(Long.class)
                    .findOne();
            if (inserted.isEmpty()) {
                // Stored concurrently by another delivery since the check above.
                return new MemoryAppendResult(
                        existingSeq(handle, request.envelopeId()).orElseThrow(), true);
            }
            handle.createUpdate("""
                            UPDATE conversations
                               SET updated_at = now(),
                                   last_house = coalesce(:house, last_house),
                                   message_count = message_count + 1
                             WHERE id = :id
                            """)
                    .bind("id", request.conversationId())
                    .bind("house", request.house())
                    .execute();
            return new MemoryAppendResult(inserted.get(), false);
        });
    }

    /** The latest {@code limit} messages of a conversation, oldest first; {@code found} false if it is unknown. */
    public ConversationHistory history(String conversationId, int limit) {
        return jdbi.inTransaction(handle -> {
            boolean found = handle.createQuery("SELECT EXISTS (SELECT 1 FROM conversations WHERE id = :id)")
                    .bind("id", conversationId)
                    .mapTo(Boolean.class)
                    .one();
            if (!found) {
                return new ConversationHistory(conversationId, false, List.of());
            }
            List<StoredMessage> messages = handle.createQuery("SELECT " + StoredMessageRows.COLUMNS
                            + " FROM (SELECT * FROM messages WHERE conversation_id = :id ORDER BY seq DESC LIMIT :limit)"
                            + " latest ORDER BY seq")
                    .bind("id", conversationId)
                    .bind("limit", limit)
                    .map((rs, ctx) -> StoredMessageRows.read(rs))
                    .list();
            return new ConversationHistory(conversationId, true, messages);
        });
    }

    /** Conversations, most recently updated first; only those updated before {@code before} when given. */
    public List<ConversationSummary> listConversations(int limit, Optional<Instant> before) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT id, created_at, updated_at, last_house, message_count
                          FROM conversations
                         WHERE CAST(:before AS timestamptz) IS NULL OR updated_at < :before
                         ORDER BY updated_at DESC, id DESC
                         LIMIT :limit
                        """)
                .bindByType("before", utc(before.orElse(null)), OffsetDateTime.class)
                .bind("limit", limit)
                .map((rs, ctx) -> new ConversationSummary(
                        rs.getString("id"),
                        instant(rs, "created_at"),
                        instant(rs, "updated_at"),
                        rs.getString("last_house"),
                        rs.getInt("message_count")))
                .list());
    }

    private static Optional<Long> existingSeq(Handle handle, String envelopeId) {
        return handle.createQuery("SELECT seq FROM messages WHERE envelope_id = :envelopeId")
                .bind("envelopeId", envelopeId)
                .mapTo(Long.class)
                .findOne();
    }

    private static String toolCallsJson(List<ToolCallTrace> calls) {
        try {
            return EnvelopeCodec.mapper().writeValueAsString(calls);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("toolCalls cannot be written as JSON", e);
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

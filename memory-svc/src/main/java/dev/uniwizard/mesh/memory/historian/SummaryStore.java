package dev.uniwizard.mesh.memory.historian;

import dev.uniwizard.mesh.core.payload.StoredMessage;
import dev.uniwizard.mesh.memory.chain.ChainHash;
import dev.uniwizard.mesh.memory.chain.ChainSource;
import dev.uniwizard.mesh.memory.chain.ChainWriter;
import dev.uniwizard.mesh.memory.store.StoredMessageRows;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The historian's SQL: which conversations are due, claiming one, reading its new messages, writing a summary (linked
 * into the chain) and reading summaries back.
 */
@Singleton
public class SummaryStore {

    /** First key of the advisory locks that claim a conversation for summarizing (the second is its id's hash). */
    static final int LOCK_SPACE = 0x4D454D48;

    private final Jdbi jdbi;
    private final ChainWriter chain;

    public SummaryStore(Jdbi jdbi, ChainWriter chain) {
        this.jdbi = jdbi;
        this.chain = chain;
    }

    /**
     * Conversations idle for {@code idleAfter} with at least {@code minMessages} messages after their last summary,
     * longest idle first, at most {@code batch}.
     */
    public List<String> due(Duration idleAfter, int minMessages, int batch) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT c.id
                          FROM conversations c
                         WHERE c.updated_at < now() - make_interval(secs => :idle)
                           AND (SELECT count(*)
                                  FROM (SELECT 1
                                          FROM messages m
                                         WHERE m.conversation_id = c.id
                                           AND m.seq > coalesce(c.summarized_through_seq, 0)
                                         LIMIT :min) pending) >= :min
                         ORDER BY c.updated_at, c.id
                         LIMIT :batch
                        """)
                .bind("idle", seconds(idleAfter))
                .bind("min", minMessages)
                .bind("batch", batch)
                .mapTo(String.class)
                .list());
    }

    /**
     * Claims a conversation for the rest of the transaction of {@code handle}: false when another run (of this or
     * another replica) holds it.
     */
    boolean claim(Handle handle, String conversationId) {
        return handle.createQuery("SELECT pg_try_advisory_xact_lock(:space, hashtext(:id))")
                .bind("space", LOCK_SPACE)
                .bind("id", conversationId)
                .mapTo(Boolean.class)
                .one();
    }

    /**
     * The conversation with the messages after its last summary (at most {@code maxMessages}, oldest first) if it is
     * still idle and still has at least {@code minMessages} of them: read after {@link #claim}, so a summary another
     * run just wrote is seen.
     */
    Optional<PendingConversation> pending(
            Handle handle, String conversationId, Duration idleAfter, int minMessages, int maxMessages) {
        Optional<ConversationState> state = handle.createQuery("""
                        SELECT last_house, summarized_through_seq
                          FROM conversations
                         WHERE id = :id
                           AND updated_at < now() - make_interval(secs => :idle)
                        """)
                .bind("id", conversationId)
                .bind("idle", seconds(idleAfter))
                .map((rs, ctx) ->
                        new ConversationState(rs.getString("last_house"), rs.getLong("summarized_through_seq")))
                .findOne();
        if (state.isEmpty()) {
            return Optional.empty();
        }
        List<StoredMessage> messages = handle.createQuery("""
                        SELECT seq, envelope_id, role, house, sender_platform, sender_user_id, sender_display_name,
                               content, said_at, tool_calls
                          FROM messages
                         WHERE conversation_id = :id AND seq > :after
                         ORDER BY seq
                         LIMIT :max
                        """)
                .bind("id", conversationId)
                .bind("after", state.get().summarizedThroughSeq())
                .bind("max", maxMessages)
                .map((rs, ctx) -> StoredMessageRows.read(rs))
                .list();
        if (messages.size() < minMessages) {
            return Optional.empty();
        }
        return Optional.of(new PendingConversation(conversationId, state.get().house(), messages));
    }

    /**
     * Stores a summary of {@code messages}, links it into the chain and moves the conversation's
     * {@code summarized_through_seq}, in the transaction of {@code handle}. Empty when a summary ending at the same
     * message exists already (written by another run).
     */
    Optional<Long> insert(
            Handle handle, PendingConversation conversation, String summary, String method, String model) {
        List<StoredMessage> messages = conversation.messages();
        List<Long> seqs = messages.stream().map(StoredMessage::seq).toList();
        long lastSeq = seqs.getLast();
        Optional<Long> id = handle.createQuery("""
                        INSERT INTO conversation_summaries (conversation_id, house, summary, method, model, first_seq,
                                                            last_seq, message_count, source_seqs, created_at)
                        VALUES (:conversation, :house, :summary, :method, :model, :first, :last, :count, :seqs, now())
                        ON CONFLICT (conversation_id, last_seq) DO NOTHING
                        RETURNING id
                        """)
                .bind("conversation", conversation.id())
                .bind("house", conversation.house())
                .bind("summary", summary)
                .bind("method", method)
                .bind("model", model)
                .bind("first", seqs.getFirst())
                .bind("last", lastSeq)
                .bind("count", seqs.size())
                .bindArray("seqs", Long.class, seqs)
                .mapTo(Long.class)
                .findOne();
        if (id.isEmpty()) {
            return Optional.empty();
        }
        chain.link(handle, ChainSource.CONVERSATION_SUMMARIES, id.get());
        handle.createUpdate("""
                        UPDATE conversations
                           SET summarized_through_seq = greatest(coalesce(summarized_through_seq, 0), :last),
                               summarized_at = now()
                         WHERE id = :id
                        """)
                .bind("id", conversation.id())
                .bind("last", lastSeq)
                .execute();
        return id;
    }

    /** The latest {@code limit} summaries of a conversation, newest first; empty when the conversation is unknown. */
    public Optional<List<StoredSummary>> summaries(String conversationId, int limit) {
        return jdbi.inTransaction(handle -> {
            boolean found = handle.createQuery("SELECT EXISTS (SELECT 1 FROM conversations WHERE id = :id)")
                    .bind("id", conversationId)
                    .mapTo(Boolean.class)
                    .one();
            if (!found) {
                return Optional.empty();
            }
            return Optional.of(handle.createQuery("""
                            SELECT id, conversation_id, house, summary, method, model, first_seq, last_seq,
                                   message_count, source_seqs, created_at, chain_seq, hash
                              FROM conversation_summaries
                             WHERE conversation_id = :id
                             ORDER BY last_seq DESC
                             LIMIT :limit
                            """)
                    .bind("id", conversationId)
                    .bind("limit", limit)
                    .map(SummaryStore::summary)
                    .list());
        });
    }

    private static StoredSummary summary(ResultSet rs, StatementContext ctx) throws SQLException {
        return new StoredSummary(
                rs.getLong("id"),
                rs.getString("conversation_id"),
                rs.getString("house"),
                rs.getString("summary"),
                rs.getString("method"),
                rs.getString("model"),
                rs.getLong("first_seq"),
                rs.getLong("last_seq"),
                rs.getInt("message_count"),
                longs(rs.getArray("source_seqs")),
                instant(rs, "created_at"),
                rs.getObject("chain_seq", Long.class),
                ChainHash.hex(rs.getBytes("hash")));
    }

    private static List<Long> longs(Array array) throws SQLException {
        List<Long> out = new ArrayList<>();
        for (Object element : (Object[]) array.getArray()) {
            out.add(((Number) element).longValue());
        }
        return out;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** A duration in seconds, for {@code make_interval(secs => ...)}. */
    static double seconds(Duration duration) {
        return duration.getSeconds() + duration.getNano() / 1e9;
    }

    private record ConversationState(String house, long summarizedThroughSeq) {}
}

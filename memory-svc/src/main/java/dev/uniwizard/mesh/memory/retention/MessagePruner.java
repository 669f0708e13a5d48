package dev.uniwizard.mesh.memory.retention;

import dev.uniwizard.mesh.memory.chain.ChainSource;
import dev.uniwizard.mesh.memory.config.MemoryConfig;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jboss.logging.Logger;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Deletes old messages under {@code memory.retention.messages}, and nothing at all when it is not set. A message is
 * deleted only when all of these hold: it is older than the retention ({@code said_at}), its conversation is
 * summarized through it, a stored summary lists it among its {@code source_seqs}, and it is linked into the chain. Its
 * chain link is kept first as a row of {@code chain_tombstones} (position, previous hash, hash), so the chain still
 * verifies across the gap. Summaries and project memory are never deleted. Works in batches, each in its own
 * transaction; rows another replica is pruning are skipped.
 */
@Singleton
public class MessagePruner {

    /** Messages deleted per transaction. */
    static final int BATCH = 500;

    /** Batches per run; what is left is pruned by the next run. */
    static final int MAX_BATCHES_PER_RUN = 100;

    private static final Logger LOG = Logger.getLogger(MessagePruner.class);

    private final Jdbi jdbi;
    private final Optional<Duration> retention;

    public MessagePruner(Jdbi jdbi, MemoryConfig config) {
        this.jdbi = jdbi;
        this.retention = config.retention().messages();
        retention.ifPresent(keep -> {
            if (keep.isZero() || keep.isNegative()) {
                throw new IllegalStateException("memory.retention.messages must be positive (e.g. 90d), got " + keep
                        + "; leave it unset to keep messages for ever");
            }
        });
    }

    /** Deletes the messages due under the retention setting; returns how many. 0, doing nothing, when unset. */
    public long prune() {
        if (retention.isEmpty()) {
            return 0;
        }
        Duration keep = retention.get();
        long total = 0;
        for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
            int deleted = jdbi.inTransaction(handle -> pruneBatch(handle, keep));
            total += deleted;
            if (deleted < BATCH) {
                logPruned(total, keep);
                return total;
            }
        }
        logPruned(total, keep);
        LOG.infof("%d messages is the most one run prunes; the next run goes on with the rest", total);
        return total;
    }

    private static void logPruned(long total, Duration keep) {
        if (total > 0) {
            LOG.infof(
                    "pruned %d summarized messages older than %s (their chain links are kept as tombstones)",
                    total, DurationText.of(keep));
        }
    }

    private int pruneBatch(Handle handle, Duration keep) {
        List<Doomed> doomed = handle.createQuery("""
                        SELECT m.seq, m.conversation_id, m.chain_seq, m.prev_hash, m.hash,
                               (SELECT s.id
                                  FROM conversation_summaries s
                                 WHERE s.conversation_id = m.conversation_id AND m.seq = ANY (s.source_seqs)
                                 ORDER BY s.id
                                 LIMIT 1) AS summary_id
                          FROM messages m
                          JOIN conversations c ON c.id = m.conversation_id
                         WHERE m.seq <= c.summarized_through_seq
                           AND m.said_at < now() - make_interval(secs => :keep)
                           AND m.chain_seq IS NOT NULL
                           AND EXISTS (SELECT 1
                                         FROM conversation_summaries s
                                        WHERE s.conversation_id = m.conversation_id
                                          AND m.seq = ANY (s.source_seqs))
                         ORDER BY m.seq
                         LIMIT :batch
                           FOR UPDATE OF m SKIP LOCKED
                        """)
                .bind("keep", keep.getSeconds() + keep.getNano() / 1e9)
                .bind("batch", BATCH)
                .map((rs, ctx) -> new Doomed(
                        rs.getLong("seq"),
                        rs.getString("conversation_id"),
                        rs.getLong("chain_seq"),
                        rs.getBytes("prev_hash"),
                        rs.getBytes("hash"),
                        rs.getLong("summary_id")))
                .list();
        if (doomed.isEmpty()) {
            return 0;
        }
        String olderThan = DurationText.of(keep);
        PreparedBatch tombstones = handle.prepareBatch("""
                INSERT INTO chain_tombstones (chain_seq, source, source_key, prev_hash, hash, reason)
                VALUES (:chainSeq, :source, :sourceKey, :prevHash, :hash, :reason)
                """);
        Map<String, Long> prunedThrough = new TreeMap<>();
        for (Doomed message : doomed) {
            tombstones
                    .bind("chainSeq", message.chainSeq())
                    .bind("source", ChainSource.MESSAGES.table())
                    .bind("sourceKey", Long.toString(message.seq()))
                    .bind("prevHash", message.prevHash())
                    .bind("hash", message.hash())
                    .bind(
                            "reason",
                            "retention: summarized in summary #" + message.summaryId() + ", older than " + olderThan)
                    .add();
            prunedThrough.merge(message.conversationId(), message.seq(), Math::max);
        }
        tombstones.execute();
        int deleted = handle.createUpdate("DELETE FROM messages WHERE seq = ANY (:seqs)")
                .bindArray("seqs", Long.class, doomed.stream().map(Doomed::seq).toList())
                .execute();
        if (deleted != doomed.size()) {
            throw new IllegalStateException("deleted " + deleted + " messages, expected " + doomed.size()
                    + " (they were locked); the batch is rolled back");
        }
        prunedThrough.forEach((conversationId, seq) -> handle.createUpdate("""
                        UPDATE conversations
                           SET pruned_through_seq = greatest(coalesce(pruned_through_seq, 0), :seq)
                         WHERE id = :id
                        """)
                .bind("id", conversationId)
                .bind("seq", seq)
                .execute());
        LOG.debugf("pruned %d messages of %d conversations", deleted, prunedThrough.size());
        return deleted;
    }

    /** A message about to be deleted, with its chain link and the summary that covers it. */
    private record Doomed(
            long seq, String conversationId, long chainSeq, byte[] prevHash, byte[] hash, long summaryId) {}
}

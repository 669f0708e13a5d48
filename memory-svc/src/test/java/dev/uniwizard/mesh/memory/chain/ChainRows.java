package dev.uniwizard.mesh.memory.chain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.uniwizard.mesh.core.payload.MemoryAppendRequest;
import dev.uniwizard.mesh.memory.store.ConversationStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** SQL around chained rows for the chain tests: storing messages, reading their links, and rewriting the chain. */
final class ChainRows {

    private final Jdbi jdbi;
    private final ConversationStore store;

    ChainRows(Jdbi jdbi, ConversationStore store) {
        this.jdbi = jdbi;
        this.store = store;
    }

    /** Stores messages through the store (linked as in production); returns their seqs. */
    List<Long> append(String conversation, String... contents) {
        List<Long> seqs = new ArrayList<>();
        for (String content : contents) {
            seqs.add(store.append(new MemoryAppendRequest(
                            conversation, UUID.randomUUID().toString(), "user", "ezra", null, content, Instant.now()))
                    .seq());
        }
        return seqs;
    }

    long chainSeqOfMessage(long seq) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT chain_seq FROM messages WHERE seq = :seq")
                .bind("seq", seq)
                .mapTo(Long.class)
                .one());
    }

    byte[] messageColumn(long seq, String column) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + column + " FROM messages WHERE seq = :seq")
                .bind("seq", seq)
                .mapTo(byte[].class)
                .one());
    }

    void setMessageColumn(long seq, String column, byte[] value) {
        jdbi.useHandle(handle -> handle.createUpdate("UPDATE messages SET " + column + " = :value WHERE seq = :seq")
                .bind("value", value)
                .bind("seq", seq)
                .execute());
    }

    void setContent(long seq, String content) {
        jdbi.useHandle(handle -> handle.createUpdate("UPDATE messages SET content = :content WHERE seq = :seq")
                .bind("content", content)
                .bind("seq", seq)
                .execute());
    }

    String content(long seq) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT content FROM messages WHERE seq = :seq")
                .bind("seq", seq)
                .mapTo(String.class)
                .one());
    }

    ChainWriter.ChainLinkHead head() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT seq, hash FROM chain_head")
                .map((rs, ctx) -> new ChainWriter.ChainLinkHead(rs.getLong("seq"), rs.getBytes("hash")))
                .one());
    }

    long count(String sql) {
        return jdbi.withHandle(
                handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }

    /**
     * Rewrites the chain consistently from the link at {@code fromChainSeq} to the head, as a forger with database
     * access would after changing a row: every later hash and prev_hash recomputed, the head moved to the new hash.
     * Every link from there on must be a message.
     */
    void rehashMessagesFrom(long fromChainSeq) {
        jdbi.useTransaction(handle -> {
            byte[] prev = handle.createQuery("SELECT prev_hash FROM messages WHERE chain_seq = :from")
                    .bind("from", fromChainSeq)
                    .mapTo(byte[].class)
                    .one();
            List<long[]> links = handle.createQuery(
                            "SELECT chain_seq, seq FROM messages WHERE chain_seq >= :from ORDER BY chain_seq")
                    .bind("from", fromChainSeq)
                    .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)})
                    .list();
            for (long[] link : links) {
                ObjectNode row = handle.createQuery(
                                "SELECT " + ChainSource.MESSAGES.columns() + " FROM messages WHERE seq = :seq")
                        .bind("seq", link[1])
                        .map((rs, ctx) -> CanonicalRow.read(rs))
                        .one();
                byte[] hash = ChainHash.link(prev, ChainSource.MESSAGES, link[0], row);
                handle.createUpdate("UPDATE messages SET prev_hash = :prev, hash = :hash WHERE seq = :seq")
                        .bind("prev", prev)
                        .bind("hash", hash)
                        .bind("seq", link[1])
                        .execute();
                prev = hash;
            }
            handle.createUpdate("UPDATE chain_head SET hash = :hash")
                    .bind("hash", prev)
                    .execute();
        });
    }
}

package dev.uniwizard.mesh.memory.chain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import org.jdbi.v3.core.Handle;

/**
 * Links rows into the chain. Call {@link #link} in the transaction that inserted the row, after the insert: it takes
 * the chain head FOR UPDATE (so appends of every replica are ordered, and the lock is held only for the rest of the
 * transaction), reads the row back as the verifier will, and stores its position and hashes.
 */
@Singleton
public class ChainWriter {

    /** Links the row of {@code source} whose key is {@code key}; returns its position. */
    public long link(Handle handle, ChainSource source, long key) {
        ChainLinkHead head = handle.createQuery("SELECT seq, hash FROM chain_head WHERE singleton FOR UPDATE")
                .map((rs, ctx) -> new ChainLinkHead(rs.getLong("seq"), rs.getBytes("hash")))
                .one();
        ObjectNode row = handle.createQuery("SELECT " + source.columns() + " FROM " + source.table() + " WHERE "
                        + source.keyColumn() + " = :key")
                .bind("key", key)
                .map((rs, ctx) -> CanonicalRow.read(rs))
                .one();
        long seq = head.seq() + 1;
        byte[] hash = ChainHash.link(head.hash(), source, seq, row);
        handle.createUpdate("UPDATE " + source.table() + " SET chain_seq = :seq, prev_hash = :prev, hash = :hash WHERE "
                        + source.keyColumn() + " = :key")
                .bind("seq", seq)
                .bind("prev", head.hash())
                .bind("hash", hash)
                .bind("key", key)
                .execute();
        handle.createUpdate("UPDATE chain_head SET seq = :seq, hash = :hash, moved_at = now() WHERE singleton")
                .bind("seq", seq)
                .bind("hash", hash)
                .execute();
        return seq;
    }

    /** The chain's last link as it is now. */
    public ChainLinkHead head(Handle handle) {
        return handle.createQuery("SELECT seq, hash FROM chain_head WHERE singleton")
                .map((rs, ctx) -> new ChainLinkHead(rs.getLong("seq"), rs.getBytes("hash")))
                .one();
    }

    /** A position of the chain and the hash there. */
    public record ChainLinkHead(long seq, byte[] hash) {}
}

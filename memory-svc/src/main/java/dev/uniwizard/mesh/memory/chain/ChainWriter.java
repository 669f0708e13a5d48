package dev.uniwizard.mesh.memory.chain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Links rows into the chain. Call {@link #link} in the transaction that inserted the row, after the insert: it takes
 * the chain head FOR UPDATE (so appends of every replica are ordered, and the lock is held only for the rest of the
 * transaction), reads the row back as the verifier will, and stores its position and hashes.
 */
@Singleton
public class ChainWriter {

    /** Links the row of {@code source} whose key is {@code key}; returns its position. */
    public long link(Handle handle, ChainSource source, long key) {
        ChainLinkHead head = lockHead(handle);
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
        moveHead(handle, seq, hash);
        return seq;
    }

    /**
     * Links up to {@code limit} rows of {@code source} that are not in the chain (rows stored before it existed), in
     * key order from just after {@code afterKey}, in the caller's transaction; returns the keys it linked, in order
     * (empty when none is left). The rows are looked for after the head is locked, so a row that another replica
     * linked meanwhile is not linked twice.
     */
    public List<Long> linkUnlinked(Handle handle, ChainSource source, long afterKey, int limit) {
        ChainLinkHead head = lockHead(handle);
        String key = source.keyColumn();
        List<ObjectNode> rows = handle.createQuery("SELECT " + source.columns() + " FROM " + source.table()
                        + " WHERE chain_seq IS NULL AND " + key + " > :after ORDER BY " + key + " LIMIT :limit")
                .bind("after", afterKey)
                .bind("limit", limit)
                .map((rs, ctx) -> CanonicalRow.read(rs))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        PreparedBatch updates = handle.prepareBatch("UPDATE " + source.table()
                + " SET chain_seq = :seq, prev_hash = :prev, hash = :hash WHERE " + key + " = :key");
        List<Long> keys = new ArrayList<>(rows.size());
        long seq = head.seq();
        byte[] prev = head.hash();
        for (ObjectNode row : rows) {
            seq++;
            byte[] hash = ChainHash.link(prev, source, seq, row);
            long rowKey = row.get(key).longValue();
            updates.bind("seq", seq)
                    .bind("prev", prev)
                    .bind("hash", hash)
                    .bind("key", rowKey)
                    .add();
            keys.add(rowKey);
            prev = hash;
        }
        for (int updated : updates.execute()) {
            if (updated != 1) {
                throw new IllegalStateException("linking a row of " + source.table() + " updated " + updated
                        + " rows instead of 1; the batch is rolled back");
            }
        }
        moveHead(handle, seq, prev);
        return keys;
    }

    /** The chain's last link as it is now. */
    public ChainLinkHead head(Handle handle) {
        return handle.createQuery("SELECT seq, hash FROM chain_head WHERE singleton")
                .map((rs, ctx) -> new ChainLinkHead(rs.getLong("seq"), rs.getBytes("hash")))
                .one();
    }

    private static ChainLinkHead lockHead(Handle handle) {
        return handle.createQuery("SELECT seq, hash FROM chain_head WHERE singleton FOR UPDATE")
                .map((rs, ctx) -> new ChainLinkHead(rs.getLong("seq"), rs.getBytes("hash")))
                .one();
    }

    private static void moveHead(Handle handle, long seq, byte[] hash) {
        handle.createUpdate("UPDATE chain_head SET seq = :seq, hash = :hash, moved_at = now() WHERE singleton")
                .bind("seq", seq)
                .bind("hash", hash)
                .execute();
    }

    /** A position of the chain and the hash there. */
    public record ChainLinkHead(long seq, byte[] hash) {}
}

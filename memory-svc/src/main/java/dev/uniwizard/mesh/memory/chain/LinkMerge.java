package dev.uniwizard.mesh.memory.chain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.result.ResultIterator;

/**
 * Every link of the chain in position order, merged from one cursor per chained table and one over the tombstones.
 * Each cursor streams its table in {@code fetchSize} rows (the handle must be in a transaction for that), so memory
 * stays bounded however long the chain is.
 */
final class LinkMerge implements Iterator<ChainLink>, AutoCloseable {

    private final List<ResultIterator<ChainLink>> cursors = new ArrayList<>();
    private final PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparingLong(head -> head.link.seq()));

    private LinkMerge() {}

    static LinkMerge open(Handle handle, int fetchSize) {
        LinkMerge merge = new LinkMerge();
        try {
            for (ChainSource source : ChainSource.values()) {
                merge.add(handle.createQuery("SELECT chain_seq, prev_hash, hash, " + source.columns() + " FROM "
                                + source.table() + " WHERE chain_seq IS NOT NULL ORDER BY chain_seq")
                        .setFetchSize(fetchSize)
                        .map((rs, ctx) -> {
                            var row = CanonicalRow.read(rs, 4);
                            return new ChainLink(
                                    rs.getLong(1),
                                    source.table(),
                                    row.get(source.keyColumn()).asText(),
                                    rs.getBytes(2),
                                    rs.getBytes(3),
                                    source,
                                    row);
                        })
                        .iterator());
            }
            merge.add(handle.createQuery("SELECT chain_seq, prev_hash, hash, source, source_key"
                            + " FROM chain_tombstones ORDER BY chain_seq")
                    .setFetchSize(fetchSize)
                    .map((rs, ctx) -> new ChainLink(
                            rs.getLong(1),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getBytes(2),
                            rs.getBytes(3),
                            null,
                            null))
                    .iterator());
        } catch (RuntimeException e) {
            merge.close();
            throw e;
        }
        return merge;
    }

    private void add(ResultIterator<ChainLink> cursor) {
        cursors.add(cursor);
        if (cursor.hasNext()) {
            heads.add(new Head(cursor.next(), cursor));
        }
    }

    @Override
    public boolean hasNext() {
        return !heads.isEmpty();
    }

    @Override
    public ChainLink next() {
        Head head = heads.poll();
        if (head == null) {
            throw new NoSuchElementException("the chain has no further link");
        }
        if (head.cursor.hasNext()) {
            heads.add(new Head(head.cursor.next(), head.cursor));
        }
        return head.link;
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        for (ResultIterator<ChainLink> cursor : cursors) {
            try {
                cursor.close();
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private record Head(ChainLink link, ResultIterator<ChainLink> cursor) {}
}

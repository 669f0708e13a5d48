package dev.uniwizard.mesh.memory.chain;

import dev.uniwizard.mesh.core.memory.ChainBreak;
import java.util.Arrays;
import java.util.Iterator;

/**
 * Walks the links in position order from the first to the head and finds the first that does not hold: a missing or
 * doubled position, a prev_hash that is not the hash before it, a row whose hash is not what it hashes to now, links
 * beyond the head, or a head that is not the last link. Tombstones are trusted: only their place in the chain is
 * checked.
 */
final class ChainWalk {

    private final ChainWriter.ChainLinkHead head;
    private final CheckpointCheck checkpoints;
    private long checkedLinks;
    private long prunedLinks;

    ChainWalk(ChainWriter.ChainLinkHead head, CheckpointCheck checkpoints) {
        this.head = head;
        this.checkpoints = checkpoints;
    }

    long checkedLinks() {
        return checkedLinks;
    }

    long prunedLinks() {
        return prunedLinks;
    }

    /** Returns the first break, null if every link holds. */
    ChainBreak walk(Iterator<ChainLink> links) {
        long expected = 1;
        byte[] prev = ChainHash.GENESIS;
        ChainLink last = null;
        checkpoints.reached(0, prev);
        while (links.hasNext()) {
            ChainLink link = links.next();
            long seq = link.seq();
            if (seq < 1) {
                return broken(link, "position " + seq + " is not a position of the chain (they start at 1)", null);
            }
            if (expected > head.seq()) {
                return broken(
                        link,
                        "link " + seq + " lies beyond the chain head at position " + head.seq()
                                + " (the head was moved back, or the link was added without moving it)",
                        null);
            }
            if (seq < expected) {
                return broken(
                        link,
                        "position " + seq + " is taken twice: by " + last.where() + " and by " + link.where(),
                        null);
            }
            if (seq > expected) {
                return new ChainBreak(
                        expected,
                        null,
                        null,
                        "link " + expected + " is missing (its row was deleted?); the next link is " + seq + " ("
                                + link.where() + ")",
                        null,
                        null);
            }
            if (!Arrays.equals(link.prevHash(), prev)) {
                return new ChainBreak(
                        seq,
                        link.source(),
                        link.key(),
                        "its prev_hash is not the hash of link " + (seq - 1)
                                + ": the chain columns were changed after the row was stored",
                        ChainHash.hex(prev),
                        ChainHash.hex(link.prevHash()));
            }
            if (link.tombstone()) {
                prunedLinks++;
            } else {
                byte[] hash = ChainHash.link(prev, link.chained(), seq, link.row());
                if (!Arrays.equals(hash, link.hash())) {
                    return broken(
                            link, "the row differs from what was hashed: it was changed after it was stored", hash);
                }
                checkedLinks++;
            }
            prev = link.hash();
            last = link;
            checkpoints.reached(seq, prev);
            expected++;
        }
        if (expected <= head.seq()) {
            return new ChainBreak(
                    expected,
                    null,
                    null,
                    "link " + expected + " is missing (its row was deleted?); the chain head is at position "
                            + head.seq(),
                    null,
                    null);
        }
        if (!Arrays.equals(prev, head.hash())) {
            return new ChainBreak(
                    head.seq(),
                    "chain_head",
                    null,
                    "the chain head's hash is not the hash of its last link " + head.seq(),
                    ChainHash.hex(prev),
                    ChainHash.hex(head.hash()));
        }
        return null;
    }

    private static ChainBreak broken(ChainLink link, String problem, byte[] expectedHash) {
        return new ChainBreak(
                link.seq(),
                link.source(),
                link.key(),
                problem,
                ChainHash.hex(expectedHash),
                ChainHash.hex(link.hash()));
    }
}

package dev.uniwizard.mesh.memory.chain;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One link as stored: its position, the row it belongs to and the hashes stored with it. {@code row} is the canonical
 * row to recompute the hash from; null for a tombstone, whose row is gone and whose stored hash is trusted.
 */
record ChainLink(
        long seq, String source, String key, byte[] prevHash, byte[] hash, ChainSource chained, ObjectNode row) {

    boolean tombstone() {
        return row == null;
    }

    String where() {
        return source + " " + key;
    }
}

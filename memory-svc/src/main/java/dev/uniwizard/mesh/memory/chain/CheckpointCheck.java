package dev.uniwizard.mesh.memory.chain;

import dev.uniwizard.mesh.core.memory.CheckpointReport;
import dev.uniwizard.mesh.core.signing.Ed25519Keys;
import dev.uniwizard.mesh.core.trust.TrustStore;
import dev.uniwizard.mesh.core.trust.TrustedNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.result.ResultIterator;

/**
 * Checks the signed checkpoints while the chain is walked: each one's signature against the trust store's key of the
 * node that signed it, and, once the walk reaches its position, its hash against the chain's. The checkpoints are
 * streamed in position order beside the walk, so only the next one is held.
 */
final class CheckpointCheck implements AutoCloseable {

    private final TrustStore trustStore;
    private final ResultIterator<StoredCheckpoint> cursor;
    private final Map<String, Optional<TrustedNode>> signers = new HashMap<>();
    private final Map<String, Ed25519PublicKeyParameters> keys = new HashMap<>();
    private StoredCheckpoint pending;
    private StoredCheckpoint newest;
    private int checked;
    private String problem;

    private CheckpointCheck(TrustStore trustStore, ResultIterator<StoredCheckpoint> cursor) {
        this.trustStore = trustStore;
        this.cursor = cursor;
        this.pending = cursor.hasNext() ? cursor.next() : null;
    }

    static CheckpointCheck open(Handle handle, TrustStore trustStore, int fetchSize) {
        return new CheckpointCheck(
                trustStore,
                handle.createQuery("SELECT id, chain_seq, hash, signed_at, node_id, key_id, signature"
                                + " FROM chain_checkpoints ORDER BY chain_seq, id")
                        .setFetchSize(fetchSize)
                        .map((rs, ctx) -> new StoredCheckpoint(
                                rs.getLong("id"),
                                rs.getLong("chain_seq"),
                                rs.getBytes("hash"),
                                rs.getObject("signed_at", OffsetDateTime.class).toInstant(),
                                rs.getString("node_id"),
                                rs.getString("key_id"),
                                rs.getBytes("signature")))
                        .iterator());
    }

    /** The walk verified the link at {@code seq}, whose hash is {@code hash}: checks the checkpoints up to there. */
    void reached(long seq, byte[] hash) {
        while (pending != null && pending.chainSeq() <= seq) {
            StoredCheckpoint checkpoint = take();
            if (checkpoint.chainSeq() == seq && !Arrays.equals(checkpoint.hash(), hash)) {
                fail(
                        checkpoint,
                        "the chain's hash at position " + seq + " is " + ChainHash.hex(hash)
                                + ", but the checkpoint signed " + ChainHash.hex(checkpoint.hash())
                                + ": the chain was rewritten after it was signed");
            }
        }
    }

    /**
     * The walk is over (at the head or at a break): checks the signatures of the checkpoints it did not reach, and that
     * none lies beyond the head; returns what the checkpoints say.
     */
    CheckpointReport finish(long headSeq) {
        while (pending != null) {
            StoredCheckpoint checkpoint = take();
            if (checkpoint.chainSeq() > headSeq) {
                fail(
                        checkpoint,
                        "it signs position " + checkpoint.chainSeq() + ", beyond the chain head at position " + headSeq
                                + ": links were removed from the end of the chain");
            }
        }
        return newest == null
                ? new CheckpointReport(checked, null, null, null, problem)
                : new CheckpointReport(checked, newest.chainSeq(), newest.signedAt(), newest.nodeId(), problem);
    }

    @Override
    public void close() {
        cursor.close();
    }

    private StoredCheckpoint take() {
        StoredCheckpoint checkpoint = pending;
        pending = cursor.hasNext() ? cursor.next() : null;
        checked++;
        if (newest == null || checkpoint.id() > newest.id()) {
            newest = checkpoint;
        }
        checkSignature(checkpoint);
        return checkpoint;
    }

    private void checkSignature(StoredCheckpoint checkpoint) {
        Optional<TrustedNode> signer = signers.computeIfAbsent(checkpoint.nodeId(), trustStore::find);
        if (signer.isEmpty()) {
            fail(checkpoint, "node '" + checkpoint.nodeId() + "' that signed it is not in the trust store");
            return;
        }
        TrustedNode node = signer.get();
        if (!node.keyId().equals(checkpoint.keyId())) {
            fail(
                    checkpoint,
                    "it was signed with key " + checkpoint.keyId() + ", but node '" + node.nodeId()
                            + "' is trusted with key " + node.keyId());
            return;
        }
        Ed25519PublicKeyParameters key;
        try {
            key = keys.computeIfAbsent(node.nodeId(), id -> Ed25519Keys.decodePublic(node.publicKey()));
        } catch (IllegalArgumentException e) {
            fail(checkpoint, "the trusted key of node '" + node.nodeId() + "' cannot be read: " + e.getMessage());
            return;
        }
        byte[] statement = CheckpointSignature.statement(
                checkpoint.chainSeq(), checkpoint.hash(), checkpoint.nodeId(), checkpoint.signedAt());
        if (!CheckpointSignature.verify(key, statement, checkpoint.signature())) {
            fail(
                    checkpoint,
                    "the signature does not match the checkpoint (its position, hash, node or time were changed"
                            + " after it was signed)");
        }
    }

    private void fail(StoredCheckpoint checkpoint, String what) {
        if (problem == null) {
            problem = "checkpoint " + checkpoint.id() + " of position " + checkpoint.chainSeq() + " (signed by "
                    + checkpoint.nodeId() + " at " + checkpoint.signedAt() + "): " + what;
        }
    }

    private record StoredCheckpoint(
            long id, long chainSeq, byte[] hash, Instant signedAt, String nodeId, String keyId, byte[] signature) {}
}

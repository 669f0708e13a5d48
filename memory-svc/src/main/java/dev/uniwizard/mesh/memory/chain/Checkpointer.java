package dev.uniwizard.mesh.memory.chain;

import dev.uniwizard.mesh.core.signing.NodeKey;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Signs the chain head with this node's Ed25519 key into {@code chain_checkpoints}: every
 * {@code memory.chain.checkpoint-every} when the head moved since the newest checkpoint (the first time one period
 * after start), and on demand. A checkpoint fixes the chain up to its position: rewriting the chain before it, even
 * consistently, no longer matches the signed hash.
 */
@Singleton
public class Checkpointer {

    private static final Logger LOG = Logger.getLogger(Checkpointer.class);

    /** Orders the checkpointers of all replicas, so that a head is signed once ("memchkpt" in ASCII). */
    private static final long CHECKPOINT_LOCK = 0x6d656d63686b7074L;

    private final Jdbi jdbi;
    private final ChainWriter chain;
    private final NodeKey key;
    private final Clock clock;

    public Checkpointer(Jdbi jdbi, ChainWriter chain, NodeKey key, Clock clock) {
        this.jdbi = jdbi;
        this.chain = chain;
        this.key = key;
        this.clock = clock;
    }

    @Scheduled(
            identity = "memory-chain-checkpoint",
            every = "${memory.chain.checkpoint-every}",
            delayed = "${memory.chain.checkpoint-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            checkpointIfMoved()
                    .ifPresent(checkpoint -> LOG.infof(
                            "signed the chain head at position %d (%s)", checkpoint.chainSeq(), checkpoint.hash()));
        } catch (RuntimeException e) {
            LOG.warnf(e, "the chain head was not signed this time; next try in one period");
        }
    }

    /** Signs the head if it moved since the newest checkpoint (an empty chain is not signed here). */
    public Optional<ChainCheckpoint> checkpointIfMoved() {
        return jdbi.inTransaction(handle -> {
            lock(handle);
            ChainWriter.ChainLinkHead head = chain.head(handle);
            long signedThrough = handle.createQuery("SELECT coalesce(max(chain_seq), 0) FROM chain_checkpoints")
                    .mapTo(Long.class)
                    .one();
            if (head.seq() <= signedThrough) {
                return Optional.empty();
            }
            return Optional.of(insert(handle, head));
        });
    }

    /** Signs the head as it is now, even when it did not move or the chain is empty. */
    public ChainCheckpoint checkpointNow() {
        return jdbi.inTransaction(handle -> {
            lock(handle);
            return insert(handle, chain.head(handle));
        });
    }

    private ChainCheckpoint insert(Handle handle, ChainWriter.ChainLinkHead head) {
        // timestamptz keeps microseconds; milliseconds read back as the same instant and print the same.
        Instant signedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        byte[] signature = CheckpointSignature.sign(
                key, CheckpointSignature.statement(head.seq(), head.hash(), key.nodeId(), signedAt));
        handle.createUpdate("""
                        INSERT INTO chain_checkpoints (chain_seq, hash, signed_at, node_id, key_id, signature)
                        VALUES (:seq, :hash, :signedAt, :nodeId, :keyId, :signature)
                        """)
                .bind("seq", head.seq())
                .bind("hash", head.hash())
                .bind("signedAt", signedAt.atOffset(ZoneOffset.UTC))
                .bind("nodeId", key.nodeId())
                .bind("keyId", key.keyId())
                .bind("signature", signature)
                .execute();
        return new ChainCheckpoint(
                head.seq(),
                ChainHash.hex(head.hash()),
                signedAt,
                key.nodeId(),
                key.keyId(),
                Base64.getEncoder().encodeToString(signature));
    }

    private static void lock(Handle handle) {
        handle.createQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(:lock)) locked")
                .bind("lock", CHECKPOINT_LOCK)
                .mapTo(Integer.class)
                .one();
    }
}

package dev.uniwizard.mesh.memory.chain;

import java.time.Instant;

/**
 * A signed checkpoint of the chain: the node {@code nodeId} vouched, with its key {@code keyId}, that position
 * {@code chainSeq} had the hash {@code hash} (hex) at {@code signedAt}. {@code signature} is the base64 Ed25519
 * signature of {@link CheckpointSignature#statement}.
 */
public record ChainCheckpoint(
        long chainSeq, String hash, Instant signedAt, String nodeId, String keyId, String signature) {}

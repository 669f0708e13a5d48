package dev.uniwizard.mesh.core.memory;

import java.time.Instant;

/**
 * What the signed checkpoints say about the chain.
 *
 * @param checked how many checkpoints were checked
 * @param lastChainSeq the chain position of the newest checkpoint, null if there is none
 * @param lastSignedAt when it was signed
 * @param lastSignedBy the node that signed it
 * @param problem the first checkpoint that does not hold (bad signature, unknown signer, or a chain hash that differs
 *     from the one signed); null if all hold
 */
public record CheckpointReport(
        int checked, Long lastChainSeq, Instant lastSignedAt, String lastSignedBy, String problem) {}

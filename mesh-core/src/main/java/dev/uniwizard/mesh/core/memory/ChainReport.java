package dev.uniwizard.mesh.core.memory;

import java.time.Instant;

/**
 * The answer of {@code GET /api/v1/memory/verify}: the chain walked from its first link to its head.
 *
 * @param intact true when every link and every checkpoint holds
 * @param checkedLinks links whose rows were recomputed
 * @param prunedLinks links of rows removed under the retention setting (their hashes are kept and still link)
 * @param headSeq the chain's head position
 * @param headHash the chain's head hash (hex)
 * @param firstBreak the first link that does not hold, null if none
 * @param checkpoints the signed checkpoints
 * @param verifiedAt when the walk finished
 */
public record ChainReport(
        boolean intact,
        long checkedLinks,
        long prunedLinks,
        long headSeq,
        String headHash,
        ChainBreak firstBreak,
        CheckpointReport checkpoints,
        Instant verifiedAt) {}

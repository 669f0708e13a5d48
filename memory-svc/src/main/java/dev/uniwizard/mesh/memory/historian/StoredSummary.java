package dev.uniwizard.mesh.memory.historian;

import java.time.Instant;
import java.util.List;

/**
 * A conversation summary as stored, with its provenance: the messages it covers and how it was written.
 *
 * @param house the house of the conversation when it was summarized
 * @param method {@code model} or {@code extractive}
 * @param model the model's name for a model summary, else null
 * @param firstSeq the first message summarized
 * @param lastSeq the last message summarized
 * @param messageCount how many messages it covers
 * @param sourceSeqs every message it covers, in order
 * @param chainSeq its position in the chain
 * @param hash its chain hash, hex
 */
public record StoredSummary(
        long id,
        String conversationId,
        String house,
        String summary,
        String method,
        String model,
        long firstSeq,
        long lastSeq,
        int messageCount,
        List<Long> sourceSeqs,
        Instant createdAt,
        Long chainSeq,
        String hash) {}

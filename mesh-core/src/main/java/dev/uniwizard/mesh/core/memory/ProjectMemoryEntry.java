package dev.uniwizard.mesh.core.memory;

import java.time.Instant;
import java.util.List;

/**
 * One project memory entry as memory keeps it.
 *
 * @param id the entry's id
 * @param project the project key
 * @param memoryType one of {@link MemoryTypes#ALL}
 * @param content the knowledge
 * @param marker its one-line form for prompts
 * @param houses houses whose prompts carry it; empty for every house
 * @param promotedBy the node or operator that promoted it
 * @param house the house that promoted it, if a house did
 * @param sourceConversationId the conversation it came from, if any
 * @param sourceSeqs the messages it came from, if known
 * @param promotedAt when it was promoted
 * @param relevanceScore 0 to 1
 * @param expiresAt when it stops being served, as promoted; null for never
 * @param expiredAt when it was expired explicitly; null if it was not
 * @param expiredReason why it was expired explicitly
 * @param active whether it is served as a marker now (not expired either way)
 */
public record ProjectMemoryEntry(
        long id,
        String project,
        String memoryType,
        String content,
        String marker,
        List<String> houses,
        String promotedBy,
        String house,
        String sourceConversationId,
        List<Long> sourceSeqs,
        Instant promotedAt,
        double relevanceScore,
        Instant expiresAt,
        Instant expiredAt,
        String expiredReason,
        boolean active) {

    public ProjectMemoryEntry {
        houses = houses == null ? List.of() : List.copyOf(houses);
        sourceSeqs = sourceSeqs == null ? List.of() : List.copyOf(sourceSeqs);
    }
}

package dev.uniwizard.mesh.core.memory;

import java.time.Instant;
import java.util.List;

/**
 * Payload of a request on {@code <root>.memory.promote}: keep a piece of knowledge as project memory. Promoting is
 * idempotent on {@code requestId}: the same request twice keeps one entry and answers the first.
 *
 * @param requestId identifies this promotion (a house uses an id derived from its task and tool call)
 * @param project the project key the memory belongs to (a repository such as {@code org/repo}, or a name)
 * @param memoryType one of {@link MemoryTypes#ALL}
 * @param content the knowledge, in full
 * @param marker a one-line form for prompts; derived from the content when absent
 * @param houses the houses whose prompts carry the marker; empty or null for every house
 * @param sourceConversationId the conversation it came from, if any
 * @param sourceSeqs the messages of that conversation it came from, if known
 * @param relevanceScore 0 to 1, higher markers come first (default 0.5)
 * @param expiresAt when it stops being served as a marker; null for never
 */
public record PromoteRequest(
        String requestId,
        String project,
        String memoryType,
        String content,
        String marker,
        List<String> houses,
        String sourceConversationId,
        List<Long> sourceSeqs,
        Double relevanceScore,
        Instant expiresAt) {

    public PromoteRequest {
        houses = houses == null ? List.of() : List.copyOf(houses);
        sourceSeqs = sourceSeqs == null ? List.of() : List.copyOf(sourceSeqs);
    }
}

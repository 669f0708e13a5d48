package dev.uniwizard.mesh.core.memory;

import java.time.Instant;

/**
 * Payload of a request on {@code <root>.memory.search}: a full-text query, ranked, with optional filters. The query is
 * read like a web search ({@code "exact phrase"}, {@code or}, {@code -excluded}); any text in any language is accepted.
 *
 * @param query the words to look for
 * @param scope {@link SearchScope}: {@code all} (default), {@code messages}, {@code memory} or {@code summaries}
 * @param house only hits of this house (messages handled by it, memory it promoted, summaries of its conversations)
 * @param conversationId only hits of this conversation
 * @param project only project memory of this project (messages and summaries have no project and are left out)
 * @param from only hits at or after this instant
 * @param to only hits before this instant
 * @param limit at most this many hits (default 20, at most 100)
 */
public record MemorySearchRequest(
        String query,
        String scope,
        String house,
        String conversationId,
        String project,
        Instant from,
        Instant to,
        Integer limit) {

    /** A search of everything, with no filters. */
    public static MemorySearchRequest of(String query) {
        return new MemorySearchRequest(query, SearchScope.ALL, null, null, null, null, null, null);
    }
}

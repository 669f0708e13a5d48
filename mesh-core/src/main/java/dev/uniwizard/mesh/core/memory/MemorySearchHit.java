package dev.uniwizard.mesh.core.memory;

import java.time.Instant;

/**
 * One search hit.
 *
 * @param kind {@code message}, {@code memory} or {@code summary}
 * @param id the stored row: the message's seq, the memory entry's id or the summary's id
 * @param conversationId the conversation of a message or summary, the source conversation of a memory entry
 * @param house the house that handled the message, promoted the memory or had the conversation
 * @param role a message's role; null for other kinds
 * @param project a memory entry's project; null for other kinds
 * @param memoryType a memory entry's type; null for other kinds
 * @param at when the message was said, the memory promoted or the summary written
 * @param rank relevance, higher is better; comparable within one result only
 * @param snippet the best matching fragments, each matched word between {@value #HIGHLIGHT_START} and
 *     {@value #HIGHLIGHT_END}, fragments joined by {@value #FRAGMENT_SEPARATOR}
 */
public record MemorySearchHit(
        String kind,
        long id,
        String conversationId,
        String house,
        String role,
        String project,
        String memoryType,
        Instant at,
        double rank,
        String snippet) {

    public static final String HIGHLIGHT_START = "«";
    public static final String HIGHLIGHT_END = "»";
    public static final String FRAGMENT_SEPARATOR = " … ";

    public static final String MESSAGE = "message";
    public static final String MEMORY = "memory";
    public static final String SUMMARY = "summary";
}

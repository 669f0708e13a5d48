package dev.uniwizard.mesh.memory.search;

import dev.uniwizard.mesh.core.memory.MemorySearchHit;

/**
 * A table full-text search looks through, with the columns that make a {@link MemorySearchHit} of it. Each has a
 * generated {@code search_vector} with a GIN index (V3).
 */
enum SearchSource {
    MESSAGES(
            MemorySearchHit.MESSAGE,
            "messages",
            "seq",
            "conversation_id",
            "role",
            "NULL",
            "NULL",
            "said_at",
            "content"),
    MEMORY(
            MemorySearchHit.MEMORY,
            "project_memory",
            "id",
            "source_conversation",
            "NULL",
            "project",
            "memory_type",
            "promoted_at",
            "content"),
    SUMMARIES(
            MemorySearchHit.SUMMARY,
            "conversation_summaries",
            "id",
            "conversation_id",
            "NULL",
            "NULL",
            "NULL",
            "created_at",
            "summary");

    final String kind;
    final String table;
    final String id;
    final String conversation;
    final String role;
    final String project;
    final String memoryType;
    final String at;
    final String text;

    SearchSource(
            String kind,
            String table,
            String id,
            String conversation,
            String role,
            String project,
            String memoryType,
            String at,
            String text) {
        this.kind = kind;
        this.table = table;
        this.id = id;
        this.conversation = conversation;
        this.role = role;
        this.project = project;
        this.memoryType = memoryType;
        this.at = at;
        this.text = text;
    }
}

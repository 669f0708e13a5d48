package dev.uniwizard.mesh.memory.chain;

/**
 * A table whose rows are links of the chain, with the columns its canonical row is made of. Generated columns
 * (search vectors), the chain's own columns and the expiry columns of project memory (chained separately as
 * {@link #PROJECT_MEMORY_CHANGES}) are not part of it.
 */
public enum ChainSource {
    MESSAGES(
            "messages",
            "seq",
            "seq, envelope_id, conversation_id, role, house, sender_platform, sender_user_id, sender_display_name,"
                    + " content, said_at, stored_at, tool_calls"),
    PROJECT_MEMORY(
            "project_memory",
            "id",
            "id, request_id, project, memory_type, content, marker, houses, promoted_by, house, source_conversation,"
                    + " source_seqs, promoted_at, relevance_score, expires_at"),
    PROJECT_MEMORY_CHANGES("project_memory_changes", "id", "id, memory_id, change, reason, changed_by, changed_at"),
    CONVERSATION_SUMMARIES(
            "conversation_summaries",
            "id",
            "id, conversation_id, house, summary, method, model, first_seq, last_seq, message_count, source_seqs,"
                    + " created_at");

    private final String table;
    private final String keyColumn;
    private final String columns;

    ChainSource(String table, String keyColumn, String columns) {
        this.table = table;
        this.keyColumn = keyColumn;
        this.columns = columns;
    }

    /** The table, also the {@code source} written into every canonical row and every report. */
    public String table() {
        return table;
    }

    public String keyColumn() {
        return keyColumn;
    }

    /** The columns of the canonical row, in the order they are selected. */
    public String columns() {
        return columns;
    }

    public static ChainSource ofTable(String table) {
        for (ChainSource source : values()) {
            if (source.table.equals(table)) {
                return source;
            }
        }
        throw new IllegalArgumentException("no chained table is called '" + table + "'");
    }
}

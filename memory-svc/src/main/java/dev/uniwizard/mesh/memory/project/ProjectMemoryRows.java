package dev.uniwizard.mesh.memory.project;

import dev.uniwizard.mesh.core.memory.ProjectMemoryEntry;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.statement.StatementContext;

/** Reads {@code project_memory} rows as {@link ProjectMemoryEntry}s. */
final class ProjectMemoryRows {

    /** The columns {@link #entry} reads, {@code active} computed as the {@code memory_markers} view does. */
    static final String COLUMNS = "id, project, memory_type, content, marker, houses, promoted_by, house,"
            + " source_conversation, source_seqs, promoted_at, relevance_score, expires_at, expired_at, expired_reason,"
            + " (expired_at IS NULL AND (expires_at IS NULL OR expires_at > now())) AS active";

    private ProjectMemoryRows() {}

    static ProjectMemoryEntry entry(ResultSet rs, StatementContext ctx) throws SQLException {
        return new ProjectMemoryEntry(
                rs.getLong("id"),
                rs.getString("project"),
                rs.getString("memory_type"),
                rs.getString("content"),
                rs.getString("marker"),
                texts(rs.getArray("houses")),
                rs.getString("promoted_by"),
                rs.getString("house"),
                rs.getString("source_conversation"),
                longs(rs.getArray("source_seqs")),
                instant(rs, "promoted_at"),
                rs.getDouble("relevance_score"),
                instant(rs, "expires_at"),
                instant(rs, "expired_at"),
                rs.getString("expired_reason"),
                rs.getBoolean("active"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static List<String> texts(Array array) throws SQLException {
        List<String> out = new ArrayList<>();
        for (Object element : (Object[]) array.getArray()) {
            out.add((String) element);
        }
        return out;
    }

    private static List<Long> longs(Array array) throws SQLException {
        List<Long> out = new ArrayList<>();
        for (Object element : (Object[]) array.getArray()) {
            out.add(((Number) element).longValue());
        }
        return out;
    }
}

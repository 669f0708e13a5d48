package dev.uniwizard.mesh.memory.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.payload.StoredMessage;
import dev.uniwizard.mesh.core.payload.ToolCallTrace;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;

/** Reads rows of {@code messages} as {@link StoredMessage}s, for every store that reads messages. */
public final class StoredMessageRows {

    /** The columns {@link #read} needs. */
    public static final String COLUMNS = "seq, envelope_id, role, house, sender_platform, sender_user_id,"
            + " sender_display_name, content, said_at, tool_calls";

    private static final TypeReference<List<ToolCallTrace>> TOOL_CALLS = new TypeReference<>() {};

    private StoredMessageRows() {}

    public static StoredMessage read(ResultSet rs) throws SQLException {
        String platform = rs.getString("sender_platform");
        String userId = rs.getString("sender_user_id");
        String displayName = rs.getString("sender_display_name");
        Sender sender = platform == null && userId == null && displayName == null
                ? null
                : new Sender(platform, userId, displayName);
        OffsetDateTime saidAt = rs.getObject("said_at", OffsetDateTime.class);
        return new StoredMessage(
                rs.getLong("seq"),
                rs.getString("envelope_id"),
                rs.getString("role"),
                rs.getString("house"),
                sender,
                rs.getString("content"),
                saidAt == null ? null : saidAt.toInstant(),
                toolCalls(rs.getString("tool_calls")));
    }

    private static List<ToolCallTrace> toolCalls(String json) {
        try {
            return EnvelopeCodec.mapper().readValue(json, TOOL_CALLS);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("stored tool_calls are not a JSON array of tool calls", e);
        }
    }
}

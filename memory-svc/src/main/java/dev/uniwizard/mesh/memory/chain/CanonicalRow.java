package dev.uniwizard.mesh.memory.chain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * Reads one chained row as JSON, column by column, the same way when the row is linked and when it is verified: text
 * as strings, numbers as numbers, {@code timestamptz} as ISO-8601 UTC instants (PostgreSQL keeps microseconds), jsonb
 * as the JSON it holds, arrays as JSON arrays, SQL NULL as JSON null.
 */
public final class CanonicalRow {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private CanonicalRow() {}

    /** The current row of {@code rs}, every column of it. */
    public static ObjectNode read(ResultSet rs) throws SQLException {
        return read(rs, 1);
    }

    /**
     * The current row of {@code rs} from column {@code firstColumn} (1-based) on: for queries that select other
     * columns (the chain's own) before the row's.
     */
    public static ObjectNode read(ResultSet rs, int firstColumn) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        ObjectNode row = JSON.objectNode();
        for (int i = firstColumn; i <= meta.getColumnCount(); i++) {
            row.set(
                    meta.getColumnLabel(i),
                    value(rs, i, meta.getColumnTypeName(i).toLowerCase(Locale.ROOT)));
        }
        return row;
    }

    private static JsonNode value(ResultSet rs, int column, String type) throws SQLException {
        if (rs.getObject(column) == null) {
            return JSON.nullNode();
        }
        return switch (type) {
            case "int2", "int4", "int8", "serial", "bigserial" -> JSON.numberNode(rs.getLong(column));
            case "float4", "float8" -> JSON.numberNode(rs.getDouble(column));
            case "bool" -> JSON.booleanNode(rs.getBoolean(column));
            case "timestamptz" ->
                JSON.textNode(
                        rs.getObject(column, OffsetDateTime.class).toInstant().toString());
            case "jsonb", "json" -> json(rs.getString(column));
            case "_int8", "_int4" -> longs(rs.getArray(column));
            case "_text" -> texts(rs.getArray(column));
            case "text", "varchar", "bpchar" -> JSON.textNode(rs.getString(column));
            default -> throw new IllegalStateException("a chained column of type " + type + " has no canonical form");
        };
    }

    private static JsonNode json(String text) throws SQLException {
        try {
            return EnvelopeCodec.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new SQLException("a stored JSON column is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static ArrayNode longs(Array array) throws SQLException {
        ArrayNode out = JSON.arrayNode();
        for (Object element : (Object[]) array.getArray()) {
            out.add(element == null ? null : ((Number) element).longValue());
        }
        return out;
    }

    private static ArrayNode texts(Array array) throws SQLException {
        ArrayNode out = JSON.arrayNode();
        for (Object element : (Object[]) array.getArray()) {
            out.add((String) element);
        }
        return out;
    }
}

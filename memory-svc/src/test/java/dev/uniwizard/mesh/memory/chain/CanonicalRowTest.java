package dev.uniwizard.mesh.memory.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.uniwizard.mesh.core.canonical.CanonicalJson;
import dev.uniwizard.mesh.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The canonical row and the link hash are the same bytes however often, and wherever, they are computed. */
class CanonicalRowTest {

    private static final String ROW = "{\"at\":\"2026-01-31T12:00:00.123456Z\",\"f\":0.25,\"ids\":[1,2],"
            + "\"j\":{\"a\":[true,null],\"b\":1},\"n\":42,\"none\":null,\"ok\":true,\"small\":7,"
            + "\"t\":\"é \\\"q\\\"\\n\",\"tags\":[\"x\",null]}";

    private static TestDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.create();
    }

    @AfterAll
    static void dropDatabase() {
        database.drop();
    }

    @Test
    void readsEveryColumnTypeOfAChainedRowAsCanonicalJson() throws SQLException {
        assertThat(CanonicalJson.toString(read(1))).isEqualTo(ROW);
    }

    @Test
    void readsFromAGivenColumnOn() throws SQLException {
        ObjectNode row = read(3);

        assertThat(row.has("t")).isFalse();
        assertThat(row.has("small")).isFalse();
        assertThat(row.get("at").asText()).isEqualTo("2026-01-31T12:00:00.123456Z");
    }

    @Test
    void theLinkHashIsSha256OfThePreviousHashAndTheCanonicalLink() throws SQLException {
        ObjectNode row = read(1);

        assertThat(new String(ChainHash.canonical(ChainSource.MESSAGES, 5, row), StandardCharsets.UTF_8))
                .isEqualTo("{\"chainSeq\":5,\"row\":" + ROW + ",\"source\":\"messages\"}");
        // Computed independently: sha256(32 zero bytes || the canonical link above).
        assertThat(ChainHash.hex(ChainHash.link(ChainHash.GENESIS, ChainSource.MESSAGES, 5, row)))
                .isEqualTo("58896d8a9920646982388afb780ef5aabc474b89b6d70804019af9c0294f88e9");
    }

    @Test
    void theHashDependsOnEveryInputButNotOnTheOrderOfColumns() {
        ObjectNode row = JsonNodeFactory.instance.objectNode().put("seq", 1).put("content", "hello");
        ObjectNode reordered =
                JsonNodeFactory.instance.objectNode().put("content", "hello").put("seq", 1);
        ObjectNode changed = JsonNodeFactory.instance.objectNode().put("seq", 1).put("content", "hellp");
        byte[] prev = new byte[32];
        prev[31] = 1;
        String hash = ChainHash.hex(ChainHash.link(ChainHash.GENESIS, ChainSource.MESSAGES, 1, row));

        assertThat(ChainHash.hex(ChainHash.link(ChainHash.GENESIS, ChainSource.MESSAGES, 1, reordered)))
                .isEqualTo(hash);
        assertThat(ChainHash.hex(ChainHash.link(ChainHash.GENESIS, ChainSource.MESSAGES, 1, changed)))
                .isNotEqualTo(hash);
        assertThat(ChainHash.hex(ChainHash.link(ChainHash.GENESIS, ChainSource.MESSAGES, 2, row)))
                .isNotEqualTo(hash);
        assertThat(ChainHash.hex(ChainHash.link(ChainHash.GENESIS, ChainSource.PROJECT_MEMORY, 1, row)))
                .isNotEqualTo(hash);
        assertThat(ChainHash.hex(ChainHash.link(prev, ChainSource.MESSAGES, 1, row)))
                .isNotEqualTo(hash);
    }

    private static ObjectNode read(int firstColumn) throws SQLException {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("""
                        SELECT E'é "q"\\n'::text AS t, 7::int4 AS small, 42::int8 AS n,
                               '2026-01-31T12:00:00.123456Z'::timestamptz AS at,
                               '{"b": 1, "a": [true, null]}'::jsonb AS j, ARRAY[1, 2]::bigint[] AS ids,
                               ARRAY['x', NULL]::text[] AS tags, 0.25::float8 AS f, true AS ok, NULL::text AS none
                        """)) {
            rs.next();
            return CanonicalRow.read(rs, firstColumn);
        }
    }
}

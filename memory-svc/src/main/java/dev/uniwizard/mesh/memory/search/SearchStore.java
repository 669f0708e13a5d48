package dev.uniwizard.mesh.memory.search;

import dev.uniwizard.mesh.core.memory.MemorySearchHit;
import dev.uniwizard.mesh.core.memory.MemorySearchRequest;
import dev.uniwizard.mesh.core.memory.MemorySearchResult;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Full-text search over messages, project memory (expired entries too) and conversation summaries: ranked best first
 * (then newest), filtered by house, conversation, project and time, each hit with its best fragments highlighted. See
 * {@link SearchSql} for how a query in any language is read. Failures surface as Jdbi's runtime exceptions.
 */
@Singleton
public class SearchStore {

    /** The note of a result whose query had nothing to look for. */
    public static final String NO_SEARCHABLE_WORDS =
            "the query has no searchable words (only stop words or punctuation)";

    /** The note of a result whose query only excluded words. */
    public static final String ONLY_EXCLUSIONS =
            "the query only excludes words (-word) and has no word to look for; add one";

    private final Jdbi jdbi;

    public SearchStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Searches with a checked request whose defaults are filled in (scope and limit set). */
    public MemorySearchResult search(MemorySearchRequest request) {
        return jdbi.withHandle(handle -> search(handle, request));
    }

    /** The same, on a handle of the caller's (whose transaction may hold rows no one else sees yet). */
    MemorySearchResult search(Handle handle, MemorySearchRequest request) {
        String note = handle.createQuery(SearchSql.SEARCHABLE)
                .bind("q", request.query())
                .map((rs, ctx) -> rs.getInt("nodes") == 0
                        ? NO_SEARCHABLE_WORDS
                        : "T".equals(rs.getString("indexable")) ? ONLY_EXCLUSIONS : "")
                .one();
        if (!note.isEmpty()) {
            return new MemorySearchResult(request.query(), request.scope(), List.of(), note);
        }
        Query query = handle.createQuery(SearchSql.statement(request))
                .bind("q", request.query())
                .bind("options", SearchSql.HEADLINE_OPTIONS)
                .bind("limit", request.limit());
        if (request.house() != null) {
            query.bind("house", request.house());
        }
        if (request.conversationId() != null) {
            query.bind("conversationId", request.conversationId());
        }
        if (request.project() != null) {
            query.bind("project", request.project());
        }
        if (request.from() != null) {
            query.bindByType("from", request.from().atOffset(ZoneOffset.UTC), OffsetDateTime.class);
        }
        if (request.to() != null) {
            query.bindByType("to", request.to().atOffset(ZoneOffset.UTC), OffsetDateTime.class);
        }
        List<MemorySearchHit> hits = query.map(SearchStore::hit).list();
        return new MemorySearchResult(request.query(), request.scope(), hits, null);
    }

    private static MemorySearchHit hit(ResultSet rs, StatementContext ctx) throws SQLException {
        return new MemorySearchHit(
                rs.getString("kind"),
                rs.getLong("id"),
                rs.getString("conversation_id"),
                rs.getString("house"),
                rs.getString("role"),
                rs.getString("project"),
                rs.getString("memory_type"),
                rs.getObject("at", OffsetDateTime.class).toInstant(),
                rs.getDouble("rank"),
                rs.getString("snippet"));
    }
}

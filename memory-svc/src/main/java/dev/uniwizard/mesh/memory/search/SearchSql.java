package dev.uniwizard.mesh.memory.search;

import dev.uniwizard.mesh.core.memory.MemorySearchHit;
import dev.uniwizard.mesh.core.memory.MemorySearchRequest;
import dev.uniwizard.mesh.core.memory.SearchScope;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of one search. The query is parsed twice, as English (stemmed: "failed" finds "failing") and as simple
 * (every word as written, so any language is found), and the two OR-ed; {@code websearch_to_tsquery} never fails on
 * syntax, whatever the input. Every source is matched through its GIN index and ranked with {@code ts_rank_cd}; only
 * the best {@code :limit} rows get a highlighted snippet, as {@code ts_headline} reads the whole text and is slow.
 * Nothing of the request is put into the SQL text: every value is a bound parameter.
 */
final class SearchSql {

    static final String TSQUERY = "(websearch_to_tsquery('english', :q) || websearch_to_tsquery('simple', :q))";

    /**
     * What the query has to look for: {@code nodes} is 0 when, read as English, it has nothing but stop words and
     * punctuation; {@code indexable} is {@code T} when it only excludes words ({@code -word}), which no index can
     * answer without reading every row.
     */
    static final String SEARCHABLE =
            "SELECT numnode(websearch_to_tsquery('english', :q)) AS nodes, querytree(" + TSQUERY + ") AS indexable";

    static final String HEADLINE_OPTIONS = "StartSel=" + MemorySearchHit.HIGHLIGHT_START + ", StopSel="
            + MemorySearchHit.HIGHLIGHT_END + ", MaxFragments=2, MaxWords=24, MinWords=8, FragmentDelimiter=\""
            + MemorySearchHit.FRAGMENT_SEPARATOR + "\"";

    private static final String ORDER = " ORDER BY rank DESC, at DESC, kind, id DESC";

    private SearchSql() {}

    /** The sources {@code request} (with defaults) looks through. */
    static List<SearchSource> sources(MemorySearchRequest request) {
        return switch (request.scope()) {
            case SearchScope.MESSAGES -> List.of(SearchSource.MESSAGES);
            case SearchScope.MEMORY -> List.of(SearchSource.MEMORY);
            case SearchScope.SUMMARIES -> List.of(SearchSource.SUMMARIES);
            default ->
                request.project() != null
                        ? List.of(SearchSource.MEMORY)
                        : List.of(SearchSource.MESSAGES, SearchSource.MEMORY, SearchSource.SUMMARIES);
        };
    }

    /** The statement; binds {@code :q}, {@code :limit}, {@code :options} and each filter the request has. */
    static String statement(MemorySearchRequest request) {
        List<String> branches = new ArrayList<>();
        for (SearchSource source : sources(request)) {
            branches.add(branch(source, request));
        }
        return "SELECT kind, id, conversation_id, house, role, project, memory_type, at, rank,"
                + " ts_headline('english', body, " + TSQUERY + ", :options) AS snippet"
                + " FROM (" + String.join(" UNION ALL ", branches) + ORDER + " LIMIT :limit) top" + ORDER;
    }

    private static String branch(SearchSource source, MemorySearchRequest request) {
        List<String> where = new ArrayList<>(List.of("search_vector @@ " + TSQUERY));
        if (request.house() != null) {
            where.add("house = :house");
        }
        if (request.conversationId() != null) {
            where.add(source.conversation + " = :conversationId");
        }
        if (request.project() != null && source == SearchSource.MEMORY) {
            where.add("project = :project");
        }
        if (request.from() != null) {
            where.add(source.at + " >= :from");
        }
        if (request.to() != null) {
            where.add(source.at + " < :to");
        }
        return "SELECT CAST('" + source.kind + "' AS text) AS kind, " + source.id + " AS id, " + source.conversation
                + " AS conversation_id, house, CAST(" + source.role + " AS text) AS role, CAST(" + source.project
                + " AS text) AS project, CAST(" + source.memoryType + " AS text) AS memory_type, " + source.at
                + " AS at, CAST(ts_rank_cd(search_vector, " + TSQUERY + ") AS double precision) AS rank, "
                + source.text + " AS body FROM " + source.table + " WHERE " + String.join(" AND ", where);
    }
}

package dev.uniwizard.mesh.memory.validation;

import static dev.uniwizard.mesh.memory.validation.TextChecks.firstOf;
import static dev.uniwizard.mesh.memory.validation.TextChecks.noNul;

import dev.uniwizard.mesh.core.memory.MemorySearchRequest;
import dev.uniwizard.mesh.core.memory.SearchScope;
import java.util.Optional;

/**
 * What a full-text search accepts ({@code memory.search.*}): a query of words in any language, a known scope, filters
 * of sane size and a limit within bounds. The query itself is never parsed here: PostgreSQL's
 * {@code websearch_to_tsquery} accepts any text, so only its size and the NUL character (which PostgreSQL text cannot
 * hold) are checked.
 */
public final class SearchRules {

    private final int maxQueryChars;
    private final int defaultLimit;
    private final int maxLimit;

    public SearchRules(int maxQueryChars, int defaultLimit, int maxLimit) {
        if (maxQueryChars < 1) {
            throw new IllegalArgumentException(
                    "memory.search.max-query-chars must be at least 1, got " + maxQueryChars);
        }
        if (maxLimit < 1 || defaultLimit < 1 || defaultLimit > maxLimit) {
            throw new IllegalArgumentException("memory.search.default-limit (" + defaultLimit
                    + ") must be between 1 and memory.search.max-limit (" + maxLimit + ")");
        }
        this.maxQueryChars = maxQueryChars;
        this.defaultLimit = defaultLimit;
        this.maxLimit = maxLimit;
    }

    public int maxLimit() {
        return maxLimit;
    }

    public Optional<Problem> check(MemorySearchRequest request) {
        return firstOf(
                query(request.query()),
                scope(request.scope()),
                limit(request.limit()),
                ProjectMemoryRules.house("house", request.house()),
                conversationId(request.conversationId()),
                project(request),
                period(request));
    }

    /** The request with its defaults filled in: scope {@code all}, the configured default limit. */
    public MemorySearchRequest withDefaults(MemorySearchRequest request) {
        return new MemorySearchRequest(
                request.query(),
                request.scope() == null ? SearchScope.ALL : request.scope(),
                request.house(),
                request.conversationId(),
                request.project(),
                request.from(),
                request.to(),
                request.limit() == null ? defaultLimit : request.limit());
    }

    private Optional<Problem> query(String query) {
        if (query == null || query.isBlank()) {
            return Optional.of(Problem.badRequest("query is required: the words to look for"));
        }
        if (query.length() > maxQueryChars) {
            return Optional.of(Problem.tooLarge(
                    "query is " + query.length() + " characters long, at most " + maxQueryChars + " are allowed"));
        }
        return noNul("query", query);
    }

    private static Optional<Problem> scope(String scope) {
        if (scope != null && !SearchScope.VALUES.contains(scope)) {
            return Optional.of(Problem.badRequest(
                    "scope must be one of " + String.join(", ", SearchScope.VALUES) + "; got '" + scope + "'"));
        }
        return Optional.empty();
    }

    private Optional<Problem> limit(Integer limit) {
        if (limit != null && (limit < 1 || limit > maxLimit)) {
            return Optional.of(Problem.badRequest("limit must be between 1 and " + maxLimit + ", got " + limit));
        }
        return Optional.empty();
    }

    private static Optional<Problem> conversationId(String conversationId) {
        if (conversationId == null) {
            return Optional.empty();
        }
        return firstOf(RequestRules.conversationId(conversationId), noNul("conversationId", conversationId));
    }

    private static Optional<Problem> project(MemorySearchRequest request) {
        if (request.project() == null) {
            return Optional.empty();
        }
        Optional<Problem> key = ProjectMemoryRules.projectKey(request.project());
        if (key.isPresent()) {
            return key;
        }
        String scope = request.scope() == null ? SearchScope.ALL : request.scope();
        if (scope.equals(SearchScope.MESSAGES) || scope.equals(SearchScope.SUMMARIES)) {
            return Optional.of(Problem.badRequest("project filters project memory only, so it cannot be used with"
                    + " scope '" + scope + "' (" + scope + " have no project); use scope 'memory' or 'all'"));
        }
        return Optional.empty();
    }

    private static Optional<Problem> period(MemorySearchRequest request) {
        if (request.from() != null && request.to() != null && !request.from().isBefore(request.to())) {
            return Optional.of(
                    Problem.badRequest("from (" + request.from() + ") must be before to (" + request.to() + ")"));
        }
        return Optional.empty();
    }

    static String printable(String value) {
        String shown = value.length() > 80 ? value.substring(0, 80) + "..." : value;
        return shown.replace("\u0000", "\\u0000");
    }
}

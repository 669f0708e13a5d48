package dev.uniwizard.mesh.memory.api;

import dev.uniwizard.mesh.core.memory.MemorySearchRequest;
import dev.uniwizard.mesh.core.memory.MemorySearchResult;
import dev.uniwizard.mesh.memory.search.SearchStore;
import dev.uniwizard.mesh.memory.validation.ProblemException;
import dev.uniwizard.mesh.memory.validation.SearchRules;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Full-text search over messages, project memory and conversation summaries, the same as {@code <root>.memory.search}.
 * Runs on worker threads: every call goes to PostgreSQL.
 */
@Path("/api/v1/memory/search")
@Produces(MediaType.APPLICATION_JSON)
public class MemorySearchResource {

    private final SearchStore store;
    private final SearchRules rules;

    public MemorySearchResource(SearchStore store, SearchRules rules) {
        this.store = store;
        this.rules = rules;
    }

    @GET
    public MemorySearchResult search(
            @QueryParam("q") String q,
            @QueryParam("scope") String scope,
            @QueryParam("house") String house,
            @QueryParam("conversation") String conversation,
            @QueryParam("project") String project,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") String limit) {
        MemorySearchRequest request = new MemorySearchRequest(
                q,
                QueryParams.optional(scope),
                QueryParams.optional(house),
                QueryParams.optional(conversation),
                QueryParams.optional(project),
                QueryParams.instant("from", from).orElse(null),
                QueryParams.instant("to", to).orElse(null),
                QueryParams.optionalLimit(limit, rules.maxLimit()));
        rules.check(request).ifPresent(problem -> {
            throw new ProblemException(problem);
        });
        return store.search(rules.withDefaults(request));
    }
}

package dev.uniwizard.mesh.memory.api;

import dev.uniwizard.mesh.core.payload.ConversationHistory;
import dev.uniwizard.mesh.memory.store.ConversationStore;
import dev.uniwizard.mesh.memory.store.ConversationSummary;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Read access to the stored conversations. Runs on worker threads: every call goes to PostgreSQL. */
@Path("/api/v1/conversations")
@Produces(MediaType.APPLICATION_JSON)
public class ConversationResource {

    static final int DEFAULT_LIST_LIMIT = 50;
    static final int DEFAULT_HISTORY_LIMIT = 200;

    private final ConversationStore store;

    public ConversationResource(ConversationStore store) {
        this.store = store;
    }

    @GET
    public ConversationListView list(@QueryParam("limit") String limit, @QueryParam("before") String before) {
        int max = QueryParams.limit(limit, DEFAULT_LIST_LIMIT);
        List<ConversationSummary> page = store.listConversations(max, QueryParams.instant("before", before));
        List<ConversationListView.Item> items = page.stream()
                .map(c -> new ConversationListView.Item(c.id(), c.updatedAt(), c.lastHouse(), c.messageCount()))
                .toList();
        return new ConversationListView(
                items, page.size() == max ? page.getLast().updatedAt() : null);
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id, @QueryParam("limit") String limit) {
        String conversationId = QueryParams.conversationId(id);
        ConversationHistory history = store.history(conversationId, QueryParams.limit(limit, DEFAULT_HISTORY_LIMIT));
        if (!history.found()) {
            return new ApiError("not_found", "there is no conversation '" + conversationId + "'")
                    .toResponse(Response.Status.NOT_FOUND);
        }
        return Response.ok(new ConversationView(history.conversationId(), history.messages()))
                .build();
    }
}

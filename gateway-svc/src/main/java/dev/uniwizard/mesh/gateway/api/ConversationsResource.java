package dev.uniwizard.mesh.gateway.api;

import dev.uniwizard.mesh.core.payload.ConversationHistory;
import dev.uniwizard.mesh.core.payload.StoredMessage;
import dev.uniwizard.mesh.service.memory.MemoryClient;
import dev.uniwizard.mesh.service.messaging.RequestFailedException;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code GET /api/v1/conversations/{id}}: a conversation as memory-svc keeps it. */
@Path(ConversationsResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
public class ConversationsResource {

    public static final String PATH = "/api/v1/conversations";
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final MemoryClient memory;
    private final HttpCallers callers;

    public ConversationsResource(MemoryClient memory, HttpCallers callers) {
        this.memory = memory;
        this.callers = callers;
    }

    public record Conversation(String conversationId, List<StoredMessage> messages) {}

    @GET
    @Path("/{id}")
    @RunOnVirtualThread
    public Conversation conversation(
            @PathParam("id") String id,
            @QueryParam("limit") String limit,
            @HeaderParam(MessagesResource.OPERATOR_HEADER) String operator,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Context HttpServerRequest http) {
        HttpCallers.Caller caller = callers.identify(authorization, operator, String.valueOf(http.remoteAddress()));
        Inputs.requireConversationId(id);
        int max = Inputs.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        ConversationHistory history;
        try {
            history = memory.history(caller.sender(), id, max);
        } catch (RequestFailedException e) {
            throw new ApiException(503, "memory_unavailable", e.getMessage());
        }
        if (!history.found()) {
            throw new ApiException(404, "not_found", "conversation '" + id + "' is not known to memory");
        }
        return new Conversation(id, history.messages() == null ? List.of() : history.messages());
    }
}

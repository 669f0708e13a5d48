package dev.uniwizard.mesh.memory.api;

import dev.uniwizard.mesh.memory.historian.ConversationSummaries;
import dev.uniwizard.mesh.memory.historian.Historian;
import dev.uniwizard.mesh.memory.historian.HistorianReport;
import dev.uniwizard.mesh.memory.historian.StoredSummary;
import dev.uniwizard.mesh.memory.historian.SummaryStore;
import dev.uniwizard.mesh.memory.validation.RequestRules;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;

/**
 * The historian over HTTP: run it now, and read the summaries of a conversation with their provenance. Runs on worker
 * threads: every call goes to PostgreSQL (and a run may wait for summary models).
 */
@Path("/api/v1/memory")
@Produces(MediaType.APPLICATION_JSON)
public class HistorianResource {

    static final int DEFAULT_SUMMARY_LIMIT = 20;

    private final Historian historian;
    private final SummaryStore summaries;

    public HistorianResource(Historian historian, SummaryStore summaries) {
        this.historian = historian;
        this.summaries = summaries;
    }

    /** Runs the historian once, now, whether or not it is scheduled on this node; answers what it did. */
    @POST
    @Path("historian/run")
    public HistorianReport run() {
        return historian.runOnce();
    }

    /** The summaries of {@code conversation}, newest first; 404 when there is no such conversation. */
    @GET
    @Path("summaries")
    public Response summaries(@QueryParam("conversation") String conversation, @QueryParam("limit") String limit) {
        String conversationId = conversationParam(conversation);
        int max = QueryParams.limit(limit, DEFAULT_SUMMARY_LIMIT);
        Optional<List<StoredSummary>> found = summaries.summaries(conversationId, max);
        if (found.isEmpty()) {
            return new ApiError("not_found", "there is no conversation '" + conversationId + "'")
                    .toResponse(Response.Status.NOT_FOUND);
        }
        return Response.ok(new ConversationSummaries(conversationId, found.get()))
                .build();
    }

    private static String conversationParam(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new BadParameterException(
                    "the query parameter conversation is required (the id of the conversation whose summaries to list)");
        }
        if (raw.length() > RequestRules.MAX_CONVERSATION_ID_CHARS) {
            throw new BadParameterException("conversation is " + raw.length() + " characters long, at most "
                    + RequestRules.MAX_CONVERSATION_ID_CHARS + " are allowed");
        }
        return raw;
    }
}

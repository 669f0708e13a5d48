package dev.uniwizard.mesh.memory.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.memory.MarkersRequest;
import dev.uniwizard.mesh.core.memory.MemoryMarkers;
import dev.uniwizard.mesh.core.memory.ProjectMemoryEntry;
import dev.uniwizard.mesh.core.memory.ProjectMemoryList;
import dev.uniwizard.mesh.core.memory.ProjectMemoryListRequest;
import dev.uniwizard.mesh.core.memory.PromoteRequest;
import dev.uniwizard.mesh.core.memory.PromoteResult;
import dev.uniwizard.mesh.memory.project.Expiry;
import dev.uniwizard.mesh.memory.project.ProjectMemoryStore;
import dev.uniwizard.mesh.memory.project.Promotion;
import dev.uniwizard.mesh.memory.project.Requester;
import dev.uniwizard.mesh.memory.validation.Problem;
import dev.uniwizard.mesh.memory.validation.ProblemException;
import dev.uniwizard.mesh.memory.validation.ProjectMemoryRules;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Project memory over HTTP, the same as {@code <root>.memory.promote|list|expire|markers}: operators promote and
 * expire entries (named by the {@code X-Operator} header, recorded as {@code operator:<name>}), and anyone may read
 * them and the markers. Runs on worker threads: every call goes to PostgreSQL.
 */
@Path("/api/v1/memory")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectMemoryResource {

    static final String OPERATOR_HEADER = "X-Operator";

    /** Request ids made up for promotions that come without one. */
    static final String GENERATED_REQUEST_PREFIX = "http-";

    private static final Pattern OPERATOR = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    private final ProjectMemoryStore store;
    private final ProjectMemoryRules rules;

    public ProjectMemoryResource(ProjectMemoryStore store, ProjectMemoryRules rules) {
        this.store = store;
        this.rules = rules;
    }

    /** The body of an expiry: why (optional). */
    public record ExpireBody(String reason) {}

    @GET
    @Path("entries")
    public ProjectMemoryList list(
            @QueryParam("project") String project,
            @QueryParam("type") String type,
            @QueryParam("house") String house,
            @QueryParam("includeExpired") String includeExpired,
            @QueryParam("limit") String limit) {
        ProjectMemoryListRequest request = new ProjectMemoryListRequest(
                project,
                QueryParams.optional(type),
                QueryParams.optional(house),
                QueryParams.bool("includeExpired", includeExpired, false),
                QueryParams.optionalLimit(limit, ProjectMemoryRules.MAX_LIST_LIMIT));
        check(rules.check(request));
        return store.list(
                request.project(),
                request.memoryType(),
                request.house(),
                request.includeExpired(),
                request.limit() == null ? ProjectMemoryRules.DEFAULT_LIST_LIMIT : request.limit());
    }

    @GET
    @Path("entries/{id}")
    public ProjectMemoryEntry get(@PathParam("id") String id) {
        long entryId = QueryParams.id("the entry id", id);
        return store.find(entryId).orElseThrow(() -> notFound(entryId));
    }

    /** 201 with the new entry, or 200 with the entry promoted before under the same {@code requestId}. */
    @POST
    @Path("entries")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response promote(@HeaderParam(OPERATOR_HEADER) String operator, PromoteRequest body) {
        Requester by = operator(operator);
        if (body == null) {
            throw new ProblemException(Problem.badRequest("a JSON body is required: the PromoteRequest"
                    + " {project, memoryType, content, marker?, houses?, sourceConversationId?, sourceSeqs?,"
                    + " relevanceScore?, expiresAt?, requestId?}"));
        }
        PromoteRequest request = body.requestId() == null || body.requestId().isBlank()
                ? new PromoteRequest(
                        GENERATED_REQUEST_PREFIX + UUID.randomUUID(),
                        body.project(),
                        body.memoryType(),
                        body.content(),
                        body.marker(),
                        body.houses(),
                        body.sourceConversationId(),
                        body.sourceSeqs(),
                        body.relevanceScore(),
                        body.expiresAt())
                : body;
        check(rules.check(request, true));
        PromoteResult result = store.promote(Promotion.of(request, by, rules.maxMarkerChars()));
        if (result.duplicate()) {
            return Response.ok(result).build();
        }
        return Response.created(
                        URI.create("/api/v1/memory/entries/" + result.entry().id()))
                .entity(result)
                .build();
    }

    /**
     * The entry after its expiry; an entry expired before is answered as it is. The body ({@code {"reason": ".."}}) may
     * be left out, with or without a content type.
     */
    @POST
    @Path("entries/{id}/expire")
    @Consumes(MediaType.WILDCARD)
    public ProjectMemoryEntry expire(
            @HeaderParam(OPERATOR_HEADER) String operator, @PathParam("id") String id, String body)
            throws JsonProcessingException {
        Requester by = operator(operator);
        long entryId = QueryParams.id("the entry id", id);
        ExpireBody expiry =
                body == null || body.isBlank() ? null : EnvelopeCodec.mapper().readValue(body, ExpireBody.class);
        String reason = expiry == null ? null : expiry.reason();
        check(ProjectMemoryRules.reason(reason));
        return store.expire(entryId, reason, by.id()).map(Expiry::entry).orElseThrow(() -> notFound(entryId));
    }

    @GET
    @Path("markers")
    public MemoryMarkers markers(
            @QueryParam("project") String project,
            @QueryParam("house") String house,
            @QueryParam("limit") String limit) {
        MarkersRequest request = new MarkersRequest(
                project,
                QueryParams.optional(house),
                QueryParams.optionalLimit(limit, ProjectMemoryRules.MAX_MARKERS_LIMIT));
        check(rules.check(request));
        return store.markers(
                request.project(), request.house(), request.limit() == null ? rules.defaultMarkers() : request.limit());
    }

    private static Requester operator(String name) {
        if (name == null || name.isBlank()) {
            throw new ProblemException(Problem.badRequest("the " + OPERATOR_HEADER + " header is required: name the"
                    + " operator making the change (recorded as '" + Requester.OPERATOR_PREFIX + "<name>')"));
        }
        if (!OPERATOR.matcher(name).matches()) {
            throw new ProblemException(Problem.badRequest(OPERATOR_HEADER + " must be 1-64 letters, digits, '.', '_',"
                    + " '@' or '-', starting with a letter or digit"));
        }
        return Requester.operator(name);
    }

    private static void check(Optional<Problem> problem) {
        problem.ifPresent(p -> {
            throw new ProblemException(p);
        });
    }

    private static ProblemException notFound(long id) {
        return new ProblemException(Problem.notFound("there is no memory entry #" + id));
    }
}

package dev.uniwizard.mesh.memory.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.uniwizard.mesh.memory.validation.Problem;
import dev.uniwizard.mesh.memory.validation.ProblemException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jdbi.v3.core.JdbiException;

/**
 * Turns failures of the HTTP API into JSON {@link ApiError}s: bad parameters and bad values 400 ({@code bad_request}),
 * oversized values 413 ({@code too_large}), unknown entries 404 ({@code not_found}), bodies that are not JSON or do not
 * fit the request 400 saying where, and store failures 503 ({@code store_unavailable}).
 */
public class ApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class);

    @ServerExceptionMapper
    public Response badParameter(BadParameterException e) {
        return new ApiError(Problem.BAD_REQUEST, e.getMessage()).toResponse(Response.Status.BAD_REQUEST);
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return response(e.problem());
    }

    @ServerExceptionMapper
    public Response storeFailed(JdbiException e) {
        LOG.errorf(e, "memory's store failed while serving an HTTP request");
        return new ApiError("store_unavailable", "the memory store is unavailable; try again later")
                .toResponse(Response.Status.SERVICE_UNAVAILABLE);
    }

    /** A body whose JSON does not fit the request (a field of the wrong type, a missing body...). */
    @ServerExceptionMapper
    public Response bodyMismatch(MismatchedInputException e) {
        return badBody(e);
    }

    /** A body that is not JSON, or any other JSON failure. */
    @ServerExceptionMapper
    public Response bodyUnreadable(JsonProcessingException e) {
        return badBody(e);
    }

    /** Quarkus REST wraps bodies that are not JSON into a 400 {@link WebApplicationException}; others pass as they are. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return badBody(json);
        }
        return e.getResponse();
    }

    static Response response(Problem problem) {
        Response.Status status =
                switch (problem.code()) {
                    case Problem.TOO_LARGE -> Response.Status.REQUEST_ENTITY_TOO_LARGE;
                    case Problem.NOT_FOUND -> Response.Status.NOT_FOUND;
                    default -> Response.Status.BAD_REQUEST;
                };
        return new ApiError(problem.code(), problem.message()).toResponse(status);
    }

    private static Response badBody(JsonProcessingException e) {
        return new ApiError(Problem.BAD_REQUEST, describe(e)).toResponse(Response.Status.BAD_REQUEST);
    }

    /** What is wrong with the body, where: the field path for a value that does not fit, line and column otherwise. */
    static String describe(JsonProcessingException e) {
        String what = e.getOriginalMessage() == null
                ? e.getClass().getSimpleName()
                : e.getOriginalMessage().lines().findFirst().orElse("");
        if (e instanceof JsonMappingException mapping) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
            return "the request body does not fit the request" + (field.isEmpty() ? "" : ": field '" + field + "'")
                    + ": " + what;
        }
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        return "the request body is not valid JSON" + where + ": " + what;
    }
}

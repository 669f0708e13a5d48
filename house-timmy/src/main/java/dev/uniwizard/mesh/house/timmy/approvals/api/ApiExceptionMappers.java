package dev.uniwizard.mesh.house.timmy.approvals.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jdbi.v3.core.JdbiException;

/** Every error of the approval API leaves in the same JSON shape: {@code {"error": code, "message": ...}}. */
public class ApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class);

    @ServerExceptionMapper
    public Response refused(ApiException e) {
        return e.error().toResponse(e.status());
    }

    /** Framework errors: unknown path (404), wrong method (405), unacceptable media type (406, 415), ... */
    @ServerExceptionMapper
    public Response framework(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        String code = status.getReasonPhrase() == null
                ? "http_" + status.getStatusCode()
                : status.getReasonPhrase().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        return new ApiError(code, e.getMessage()).toResponse(status.getStatusCode());
    }

    @ServerExceptionMapper
    public Response storeFailed(JdbiException e) {
        LOG.errorf(e, "approval store failed while serving an operator");
        return new ApiError("store_unavailable", "the approval store is unavailable; try again later").toResponse(503);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected error while serving an operator", e);
        return new ApiError("internal_error", "Timmy failed unexpectedly: " + e).toResponse(500);
    }
}

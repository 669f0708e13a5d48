package dev.uniwizard.mesh.gateway.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves the gateway in the same JSON shape: {@code {"error": code, "message": ...}}. */
public class ApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class);

    @ServerExceptionMapper
    public Response refused(ApiException e) {
        return new ApiError(e.code(), e.getMessage()).toResponse(e.status());
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
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected error while handling a request", e);
        return new ApiError("internal_error", "the gateway failed unexpectedly: " + e).toResponse(500);
    }
}

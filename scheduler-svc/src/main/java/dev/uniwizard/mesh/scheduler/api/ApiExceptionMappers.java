package dev.uniwizard.mesh.scheduler.api;

import dev.uniwizard.mesh.store.StoreFailures;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves the scheduler in one JSON shape, {@link ApiError}: refused requests with their code (and field),
 * framework errors (unknown path, wrong method, media type) with a code from the status, a database that cannot be
 * reached as 503 {@code store_unavailable}, and anything else as a logged 500.
 */
public class ApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class);

    @ServerExceptionMapper
    public Response refused(ApiException e) {
        return e.toError().toResponse(e.status());
    }

    /** Framework errors: unknown path (404), wrong method (405), unacceptable media type (406, 415), ... */
    @ServerExceptionMapper
    public Response framework(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        String code = status.getReasonPhrase() == null
                ? "http_" + status.getStatusCode()
                : status.getReasonPhrase().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        return new ApiError(code, e.getMessage(), null).toResponse(status.getStatusCode());
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        if (StoreFailures.isDatabaseFailure(e)) {
            LOG.errorf(e, "the job store failed while serving an HTTP request");
            return new ApiError("store_unavailable", "the job store (PostgreSQL) is unavailable; try again later", null)
                    .toResponse(503);
        }
        LOG.error("unexpected error while handling a request", e);
        return new ApiError("internal_error", "the scheduler failed unexpectedly: " + e, null).toResponse(500);
    }
}

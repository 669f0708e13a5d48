package dev.uniwizard.mesh.memory.api;

import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jdbi.v3.core.JdbiException;

/** Turns failures of the read API into JSON errors. */
public class ApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class);

    @ServerExceptionMapper
    public Response badParameter(BadParameterException e) {
        return new ApiError("bad_request", e.getMessage()).toResponse(Response.Status.BAD_REQUEST);
    }

    @ServerExceptionMapper
    public Response storeFailed(JdbiException e) {
        LOG.errorf(e, "conversation store failed while serving a read");
        return new ApiError("store_unavailable", "the conversation store is unavailable; try again later")
                .toResponse(Response.Status.SERVICE_UNAVAILABLE);
    }
}

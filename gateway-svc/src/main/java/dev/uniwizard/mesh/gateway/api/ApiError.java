package dev.uniwizard.mesh.gateway.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The body of every error answer: a stable code and what was wrong. */
public record ApiError(String error, String message) {

    public Response toResponse(int status) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(this)
                .build();
    }
}

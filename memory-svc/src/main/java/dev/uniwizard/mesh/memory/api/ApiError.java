package dev.uniwizard.mesh.memory.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The body of every HTTP error: a stable code and a message for people. */
public record ApiError(String error, String message) {

    Response toResponse(Response.Status status) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(this)
                .build();
    }
}

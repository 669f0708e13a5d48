package dev.uniwizard.mesh.house.timmy.approvals.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The body of every HTTP error: a stable code and a message for people; {@code state} is the request's current state
 * when the error is about it (409s).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String message, String state) {

    public ApiError(String error, String message) {
        this(error, message, null);
    }

    Response toResponse(int status) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(this)
                .build();
    }
}

package dev.uniwizard.mesh.scheduler.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The body of every error answer of the scheduler's API, in the shape the other services use, plus the field of the
 * job that was wrong when there is one, so that a client can point at it.
 *
 * @param error a stable code, e.g. {@code invalid_job}, {@code no_such_job}
 * @param message what was wrong, for people
 * @param field the JSON path of the offending field, e.g. {@code schedule.cron}; absent when the whole request is at
 *     fault
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String message, String field) {

    Response toResponse(int status) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(this)
                .build();
    }
}

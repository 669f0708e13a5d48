package dev.uniwizard.mesh.gateway.openai;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Refusals of the OpenAI-compatible API leave in OpenAI's error format, not in the gateway's own. */
public class OpenAiExceptionMapper {

    @ServerExceptionMapper
    public Response refused(OpenAiException e) {
        Response.ResponseBuilder response = Response.status(e.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(e.body());
        if (e.status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response.build();
    }
}

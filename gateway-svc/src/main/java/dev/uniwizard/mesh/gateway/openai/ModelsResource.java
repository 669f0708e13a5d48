package dev.uniwizard.mesh.gateway.openai;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /v1/models}: the houses, as the models an OpenAI client may pick ({@code gateway.openai.houses}). Clients
 * and chat UIs call it to fill their model menu; it needs the same bearer token as the completions.
 */
@Path("/v1/models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelsResource {

    private final BearerAuth auth;
    private final HouseModels models;

    public ModelsResource(BearerAuth auth, HouseModels models) {
        this.auth = auth;
        this.models = models;
    }

    @GET
    public ChatCompletionJson.ModelList list(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @Context HttpServerRequest http) {
        auth.operator(authorization, String.valueOf(http.remoteAddress()));
        return ChatCompletionJson.ModelList.of(models.all());
    }

    @GET
    @Path("/{model}")
    public ChatCompletionJson.Model get(
            @PathParam("model") String model,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Context HttpServerRequest http) {
        auth.operator(authorization, String.valueOf(http.remoteAddress()));
        return ChatCompletionJson.Model.of(models.house(model));
    }
}

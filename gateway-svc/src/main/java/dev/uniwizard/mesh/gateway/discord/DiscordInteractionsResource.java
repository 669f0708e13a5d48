package dev.uniwizard.mesh.gateway.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.uniwizard.mesh.core.platform.Platforms;
import dev.uniwizard.mesh.gateway.api.ApiError;
import dev.uniwizard.mesh.gateway.verification.WebhookRejection;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code POST /webhooks/discord/interactions}: the Interactions Endpoint URL of the Discord application. Every request
 * must carry Discord's Ed25519 signature ({@link DiscordSignature}) or is answered 401 (Discord itself sends badly
 * signed requests when the URL is registered, and refuses URLs that accept them). PING (type 1) is answered PONG;
 * APPLICATION_COMMAND (type 2) goes to {@link DiscordInbound}; other types are answered 400.
 */
@Path("/webhooks/discord/interactions")
public class DiscordInteractionsResource {

    private final DiscordSettings settings;
    private final DiscordInbound inbound;
    private final WebhookRejection webhooks;
    private final ObjectMapper mapper;

    public DiscordInteractionsResource(
            DiscordSettings settings, DiscordInbound inbound, WebhookRejection webhooks, ObjectMapper mapper) {
        this.settings = settings;
        this.inbound = inbound;
        this.webhooks = webhooks;
        this.mapper = mapper;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RunOnVirtualThread
    public Response receive(
            byte[] body,
            @HeaderParam("X-Signature-Timestamp") String timestamp,
            @HeaderParam("X-Signature-Ed25519") String signature) {
        if (!settings.enabled()) {
            return new ApiError(
                            "discord_disabled",
                            "Discord is not enabled on this gateway (gateway.discord.enabled=false)")
                    .toResponse(404);
        }
        byte[] raw = body == null ? new byte[0] : body;
        Optional<DiscordSignature.Failure> failure = settings.signature().check(timestamp, signature, raw);
        if (failure.isPresent()) {
            return webhooks.reject(
                    Platforms.DISCORD, failure.get().reason(), failure.get().message());
        }
        JsonNode json;
        try {
            json = mapper.readTree(raw);
        } catch (IOException e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            webhooks.accepted(Platforms.DISCORD, "invalid_json");
            return new ApiError("invalid_json", "the signed body is not a JSON object").toResponse(400);
        }
        JsonNode type = json.path("type");
        if (type.isInt() && type.asInt() == 1) {
            webhooks.accepted(Platforms.DISCORD, "ping");
            return Response.ok(InteractionResponse.pong()).build();
        }
        if (type.isInt() && type.asInt() == 2) {
            return Response.ok(inbound.handle(json)).build();
        }
        webhooks.accepted(Platforms.DISCORD, "unsupported_type");
        return new ApiError(
                        "unsupported_interaction",
                        "interaction type " + (type.isInt() ? type.asText() : "(missing or not a number)")
                                + " is not handled: only PING (1) and APPLICATION_COMMAND (2) are")
                .toResponse(400);
    }
}

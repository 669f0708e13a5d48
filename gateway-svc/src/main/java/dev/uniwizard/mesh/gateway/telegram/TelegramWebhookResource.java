package dev.uniwizard.mesh.gateway.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.platform.Platforms;
import dev.uniwizard.mesh.gateway.api.ApiError;
import dev.uniwizard.mesh.gateway.verification.Hmacs;
import dev.uniwizard.mesh.gateway.verification.WebhookRejection;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

/**
 * {@code POST /webhooks/telegram}, where Telegram delivers updates in webhook mode. The request must carry the
 * {@code secret_token} given to setWebhook in {@code X-Telegram-Bot-Api-Secret-Token} (compared in constant time);
 * otherwise 401 and nothing happens. A body that is not an Update is answered 400; an update the mesh could not
 * store, 503 (Telegram sends it again later); everything else, including updates deliberately ignored, 200.
 */
@Path("/webhooks/telegram")
public class TelegramWebhookResource {

    public static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private static final Logger LOG = Logger.getLogger(TelegramWebhookResource.class);

    private final TelegramSettings settings;
    private final TelegramInbound inbound;
    private final WebhookRejection rejection;
    private final ObjectMapper mapper = EnvelopeCodec.mapper();

    public TelegramWebhookResource(TelegramSetup setup, TelegramInbound inbound, WebhookRejection rejection) {
        this.settings = setup.settings();
        this.inbound = inbound;
        this.rejection = rejection;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RunOnVirtualThread
    public Response receive(@HeaderParam(SECRET_HEADER) String secret, String body) {
        if (settings.mode() != TelegramMode.WEBHOOK) {
            return new ApiError(
                            "telegram_webhook_off",
                            "this gateway does not take Telegram webhooks (gateway.telegram.mode="
                                    + settings.mode().wireName() + ")")
                    .toResponse(404);
        }
        if (secret == null || secret.isEmpty()) {
            return rejection.reject(
                    Platforms.TELEGRAM,
                    "missing_secret",
                    "the " + SECRET_HEADER + " header is missing: register the webhook with secret_token");
        }
        if (!Hmacs.constantTimeEquals(settings.webhookSecret().orElseThrow(), secret)) {
            return rejection.reject(
                    Platforms.TELEGRAM,
                    "bad_secret",
                    "the " + SECRET_HEADER + " header does not match gateway.telegram.webhook-secret");
        }
        JsonNode update;
        try {
            update = mapper.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            rejection.accepted(Platforms.TELEGRAM, "malformed");
            return new ApiError(
                            "malformed_update",
                            "the body is not JSON: " + e.getOriginalMessage() + " (expected a Telegram Update object)")
                    .toResponse(400);
        }
        TelegramInbound.Result result;
        try {
            result = inbound.handle(update, "webhook");
        } catch (MalformedUpdateException e) {
            rejection.accepted(Platforms.TELEGRAM, "malformed");
            return new ApiError("malformed_update", e.getMessage() + " (expected a Telegram Update object)")
                    .toResponse(400);
        } catch (RuntimeException e) {
            LOG.errorf(
                    "a Telegram update could not be handed to the mesh; Telegram will send it again: %s", e.toString());
            rejection.accepted(Platforms.TELEGRAM, "failed");
            return new ApiError(
                            "unavailable", "the update could not be stored in the mesh right now; send it again later")
                    .toResponse(503);
        }
        rejection.accepted(Platforms.TELEGRAM, result.outcome());
        return Response.ok().build();
    }
}

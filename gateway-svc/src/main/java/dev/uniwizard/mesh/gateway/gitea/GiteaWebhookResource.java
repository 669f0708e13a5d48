package dev.uniwizard.mesh.gateway.gitea;

import com.fasterxml.jackson.databind.JsonNode;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.gitea.GiteaEventPayload;
import dev.uniwizard.mesh.core.platform.Platforms;
import dev.uniwizard.mesh.gateway.api.ApiError;
import dev.uniwizard.mesh.gateway.config.GatewayConfig;
import dev.uniwizard.mesh.gateway.inbound.InboundOutcome;
import dev.uniwizard.mesh.gateway.inbound.InboundPublisher;
import dev.uniwizard.mesh.gateway.verification.Hmacs;
import dev.uniwizard.mesh.gateway.verification.WebhookRejection;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * {@code POST /webhooks/gitea}: takes a Gitea webhook delivery, checks its {@code X-Gitea-Signature} (hex
 * HMAC-SHA256 of the raw body under {@code gateway.gitea.webhook-secret}), and publishes the events the mesh reads
 * ({@link GiteaEventPayload#SUPPORTED}) as a {@code webhook} envelope on {@code <root>.in.gitea}, once per
 * {@code X-Gitea-Delivery}. The webhook comes from Gitea itself, authenticated by the secret, so no operator is
 * admitted: the sender is the Gitea user who caused the event. Answers 202 when published, 200 for a redelivery, 202
 * "ignored" for other events, 401 for a bad signature, 400 for a malformed delivery, 413 for a body over
 * {@code gateway.gitea.max-body-bytes}, 503 when the mesh cannot take it (Gitea shows the failure; redeliver it).
 */
@Path("/webhooks/gitea")
@Produces(MediaType.APPLICATION_JSON)
public class GiteaWebhookResource {

    public static final String SIGNATURE_HEADER = "X-Gitea-Signature";
    public static final String EVENT_HEADER = "X-Gitea-Event";
    public static final String DELIVERY_HEADER = "X-Gitea-Delivery";

    private static final Logger LOG = Logger.getLogger(GiteaWebhookResource.class);
    private static final String GITEA = Platforms.GITEA;

    private final GiteaSetup setup;
    private final WebhookRejection rejection;
    private final InboundPublisher publisher;
    private final GiteaEventParser parser;
    private final MeterRegistry registry;

    public GiteaWebhookResource(
            GiteaSetup setup,
            WebhookRejection rejection,
            InboundPublisher publisher,
            GatewayConfig config,
            MeterRegistry registry) {
        this.setup = setup;
        this.registry = registry;
        this.rejection = rejection;
        this.publisher = publisher;
        this.parser = new GiteaEventParser(config.maxTextLength());
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @RunOnVirtualThread
    public Response receive(
            byte[] body,
            @HeaderParam(SIGNATURE_HEADER) String signature,
            @HeaderParam(EVENT_HEADER) String event,
            @HeaderParam(DELIVERY_HEADER) String delivery,
            @HeaderParam("Content-Type") String contentType) {
        if (!setup.enabled()) {
            return error(
                    404,
                    "gitea_disabled",
                    "Gitea webhooks are off on this gateway: set gateway.gitea.enabled=true (see"
                            + " docs/gateway/gitea.md)");
        }
        byte[] raw = body == null ? new byte[0] : body;
        if (raw.length > setup.maxBodyBytes()) {
            registry.counter("mesh.gateway.webhook", "platform", GITEA, "outcome", "too_large", "reason", "too_large")
                    .increment();
            return error(
                    413,
                    "payload_too_large",
                    "the webhook body has " + raw.length + " bytes; this gateway takes at most " + setup.maxBodyBytes()
                            + " (gateway.gitea.max-body-bytes)");
        }
        if (signature == null || signature.isBlank()) {
            return rejection.reject(
                    GITEA,
                    "missing_signature",
                    "no " + SIGNATURE_HEADER + " header: give the webhook in Gitea the secret set as"
                            + " gateway.gitea.webhook-secret");
        }
        String expected = Hmacs.sha256Hex(setup.secret(), raw);
        if (!Hmacs.constantTimeEquals(expected, signature.strip().toLowerCase(Locale.ROOT))) {
            return rejection.reject(
                    GITEA,
                    "bad_signature",
                    SIGNATURE_HEADER + " does not match the body: the webhook's secret in Gitea differs from"
                            + " gateway.gitea.webhook-secret, or the body was changed on the way");
        }
        if (event == null || event.isBlank()) {
            return badRequest("missing_event", "no " + EVENT_HEADER + " header: this is not a Gitea webhook delivery");
        }
        String eventName = event.strip();
        if (!GiteaEventPayload.SUPPORTED.contains(eventName)) {
            rejection.accepted(GITEA, "ignored");
            LOG.debugf("ignoring a Gitea %s webhook (delivery %s)", eventName, delivery);
            return Response.accepted(GiteaWebhookAnswer.ignored("the mesh does not take " + eventName
                            + " events; it takes " + String.join(", ", GiteaEventPayload.SUPPORTED)))
                    .build();
        }
        if (delivery == null || delivery.isBlank()) {
            return badRequest(
                    "missing_delivery",
                    "no " + DELIVERY_HEADER + " header: Gitea names every delivery; it is needed"
                            + " to recognise redeliveries");
        }
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form")) {
            return badRequest(
                    "wrong_content_type",
                    "the webhook sends a form: set its POST content type in Gitea to application/json");
        }
        GiteaEventPayload payload;
        try {
            JsonNode root = parser.json(eventName, raw);
            if (eventName.equals(GiteaEventPayload.ISSUE_COMMENT) && GiteaEventParser.isMeshReply(root)) {
                rejection.accepted(GITEA, "ignored");
                return Response.accepted(GiteaWebhookAnswer.ignored(
                                "a comment the mesh posted itself (a reply); not taken again"))
                        .build();
            }
            payload = parser.parse(eventName, delivery.strip(), root, Instant.now());
        } catch (GiteaPayloadException e) {
            return badRequest("bad_payload", e.getMessage());
        }
        return publish(payload);
    }

    private Response publish(GiteaEventPayload payload) {
        Sender sender = new Sender(GITEA, payload.sender(), payload.sender());
        InboundOutcome outcome;
        try {
            outcome = publisher.publishWebhook(payload.delivery(), GiteaConversations.of(payload), sender, payload);
        } catch (RuntimeException e) {
            rejection.accepted(GITEA, "unavailable");
            LOG.warnf(
                    "could not hand Gitea delivery %s (%s) to the mesh: %s",
                    payload.delivery(), payload.summary(), e.getMessage());
            return error(
                    503,
                    "mesh_unavailable",
                    "the webhook could not be handed to the mesh (" + e.getMessage()
                            + "); redeliver it from the webhook's Recent Deliveries in Gitea");
        }
        return switch (outcome) {
            case InboundOutcome.Published published -> {
                rejection.accepted(GITEA, "published");
                LOG.debugf(
                        "Gitea delivery %s published as %s: %s",
                        payload.delivery(), published.envelope().id(), payload.summary());
                yield Response.accepted(
                                GiteaWebhookAnswer.accepted(published.envelope().id()))
                        .build();
            }
            case InboundOutcome.Duplicate duplicate -> {
                rejection.accepted(GITEA, "duplicate");
                yield Response.ok(GiteaWebhookAnswer.duplicate()).build();
            }
        };
    }

    private Response badRequest(String code, String message) {
        rejection.accepted(GITEA, "bad_request");
        LOG.warnf("refused a Gitea webhook: %s", message);
        return error(400, code, message);
    }

    private static Response error(int status, String code, String message) {
        return new ApiError(code, message).toResponse(status);
    }
}

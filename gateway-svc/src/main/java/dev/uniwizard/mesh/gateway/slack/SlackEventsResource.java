package dev.uniwizard.mesh.gateway.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.uniwizard.mesh.core.platform.Platforms;
import dev.uniwizard.mesh.gateway.api.ApiError;
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
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * {@code POST /webhooks/slack/events}: the Request URL of the Slack app's Event Subscriptions. Every request must
 * carry Slack's signature ({@link SlackSignature}) or is answered 401; then {@code url_verification} is answered with
 * its challenge and {@code event_callback}s go to {@link SlackInbound}. Slack wants an answer within 3 seconds: only
 * the check and a JetStream publish happen before it. Retries ({@code X-Slack-Retry-Num}) are counted by Slack's
 * {@code X-Slack-Retry-Reason} in {@code mesh.gateway.slack.retries{reason}}.
 */
@Path("/webhooks/slack/events")
public class SlackEventsResource {

    private static final Logger LOG = Logger.getLogger(SlackEventsResource.class);

    private final SlackSettings settings;
    private final SlackInbound inbound;
    private final WebhookRejection webhooks;
    private final ObjectMapper mapper;
    private final MeterRegistry registry;

    public SlackEventsResource(
            SlackSettings settings,
            SlackInbound inbound,
            WebhookRejection webhooks,
            ObjectMapper mapper,
            MeterRegistry registry) {
        this.settings = settings;
        this.inbound = inbound;
        this.webhooks = webhooks;
        this.mapper = mapper;
        this.registry = registry;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RunOnVirtualThread
    public Response receive(
            byte[] body,
            @HeaderParam("X-Slack-Request-Timestamp") String timestamp,
            @HeaderParam("X-Slack-Signature") String signature,
            @HeaderParam("X-Slack-Retry-Num") String retryNum,
            @HeaderParam("X-Slack-Retry-Reason") String retryReason) {
        if (!settings.enabled()) {
            return new ApiError("slack_disabled", "Slack is not enabled on this gateway (gateway.slack.enabled=false)")
                    .toResponse(404);
        }
        byte[] raw = body == null ? new byte[0] : body;
        Optional<SlackSignature.Failure> failure = settings.signature().check(timestamp, signature, raw);
        if (failure.isPresent()) {
            return webhooks.reject(
                    Platforms.SLACK, failure.get().reason(), failure.get().message());
        }
        boolean retry = retryNum != null && !retryNum.isBlank();
        if (retry) {
            registry.counter("mesh.gateway.slack.retries", "reason", retryReason(retryReason))
                    .increment();
            LOG.debugf("Slack retry %s (%s)", retryNum, retryReason);
        }
        JsonNode json;
        try {
            json = mapper.readTree(raw);
        } catch (IOException e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            webhooks.accepted(Platforms.SLACK, "invalid_json");
            return new ApiError("invalid_json", "the signed body is not a JSON object").toResponse(400);
        }
        String type = json.path("type").asText("");
        return switch (type) {
            case "url_verification" -> challenge(json);
            case "event_callback" -> inbound.handle(json, retry);
            default -> {
                LOG.debugf("Slack request of type '%s' ignored: only url_verification and event_callback are", type);
                webhooks.accepted(Platforms.SLACK, "ignored_type");
                yield Response.ok(new SlackInbound.Ack(true, "ignored_type")).build();
            }
        };
    }

    private Response challenge(JsonNode json) {
        JsonNode challenge = json.path("challenge");
        if (!challenge.isTextual()) {
            webhooks.accepted(Platforms.SLACK, "invalid_challenge");
            return new ApiError("missing_challenge", "url_verification without a challenge string").toResponse(400);
        }
        webhooks.accepted(Platforms.SLACK, "url_verification");
        return Response.ok(Map.of("challenge", challenge.asText())).build();
    }

    /** Slack's retry reasons as a metric tag; anything unexpected is {@code other}. */
    private static String retryReason(String reason) {
        if (reason == null) {
            return "unknown";
        }
        return switch (reason) {
            case "http_timeout",
                    "too_many_redirects",
                    "ssl_error",
                    "http_error",
                    "connection_failed",
                    "unknown_error" -> reason;
            default -> "other";
        };
    }
}

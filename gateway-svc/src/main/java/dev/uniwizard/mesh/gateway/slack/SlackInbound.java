package dev.uniwizard.mesh.gateway.slack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.payload.ReplyAddress;
import dev.uniwizard.mesh.core.platform.Platforms;
import dev.uniwizard.mesh.gateway.api.ApiError;
import dev.uniwizard.mesh.gateway.config.GatewayConfig;
import dev.uniwizard.mesh.gateway.inbound.InboundMessage;
import dev.uniwizard.mesh.gateway.inbound.InboundOutcome;
import dev.uniwizard.mesh.gateway.inbound.InboundPublisher;
import dev.uniwizard.mesh.gateway.operators.Admission;
import dev.uniwizard.mesh.gateway.operators.SenderAdmission;
import dev.uniwizard.mesh.gateway.verification.WebhookRejection;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

/**
 * Takes a verified {@code event_callback} into the mesh: a person's message is admitted (a known operator within
 * their rate limit) and published on {@code <root>.in.slack} with Slack's event_id as the delivery key, so Slack's
 * retries are published once. Only the publish happens before Slack is answered; the reply comes later through
 * {@link SlackDelivery}. A refused sender gets the polite refusal in their thread through {@link SlackNotices} (not
 * again for a retry). When the mesh cannot take the message the answer is 503, so Slack retries.
 */
@Singleton
public class SlackInbound {

    private static final Logger LOG = Logger.getLogger(SlackInbound.class);

    /** The answer body to Slack (Slack only looks at the status). */
    public record Ack(boolean ok, String outcome) {}

    private final SenderAdmission admission;
    private final InboundPublisher publisher;
    private final SlackNotices notices;
    private final WebhookRejection webhooks;
    private final int maxTextLength;

    public SlackInbound(
            SenderAdmission admission,
            InboundPublisher publisher,
            SlackNotices notices,
            WebhookRejection webhooks,
            GatewayConfig config) {
        this.admission = admission;
        this.publisher = publisher;
        this.notices = notices;
        this.webhooks = webhooks;
        this.maxTextLength = config.maxTextLength();
    }

    /**
     * Handles one event.
     *
     * @param callback the verified {@code event_callback} body
     * @param retry whether Slack marked this request as a retry ({@code X-Slack-Retry-Num})
     */
    public Response handle(JsonNode callback, boolean retry) {
        return switch (SlackEvents.read(callback)) {
            case SlackEvent.Ignored ignored -> {
                LOG.debugf("Slack event ignored (%s): %s", ignored.reason(), ignored.detail());
                yield ack("ignored_" + ignored.reason());
            }
            case SlackEvent.Message message -> take(message, retry);
        };
    }

    private Response take(SlackEvent.Message message, boolean retry) {
        if (message.text().isEmpty()) {
            LOG.debugf("Slack event %s has no words after the mention; nothing to pass on", message.eventId());
            return ack("ignored_empty_text");
        }
        Admission decision = admission.admit(Platforms.SLACK, message.userId(), null);
        if (decision instanceof Admission.Refused refused) {
            if (retry) {
                LOG.debugf("Slack retried refused event %s; the refusal was posted before", message.eventId());
            } else {
                notices.post(message.channel(), message.replyThread(), refused.text());
            }
            return ack("refused_" + refused.reason());
        }
        if (message.text().length() > maxTextLength) {
            if (!retry) {
                notices.post(
                        message.channel(),
                        message.replyThread(),
                        "Your message has " + message.text().length() + " characters; the mesh takes at most "
                                + maxTextLength + ". Please send it in shorter parts.");
            }
            return ack("refused_too_long");
        }
        InboundMessage inbound = new InboundMessage(
                message.eventId(),
                ((Admission.Admitted) decision).operator(),
                new Sender(Platforms.SLACK, message.userId(), message.userId()),
                message.conversationId(),
                null,
                message.text(),
                new ReplyAddress(message.channel(), message.replyThread(), null, null));
        InboundOutcome outcome;
        try {
            outcome = publisher.publishMessage(inbound);
        } catch (RuntimeException e) {
            LOG.warnf(
                    "Slack event %s could not be published (%s); answering 503 so Slack retries",
                    message.eventId(), e.toString());
            webhooks.accepted(Platforms.SLACK, "unavailable");
            return new ApiError(
                            "mesh_unavailable",
                            "the mesh cannot take the message right now (" + e.getMessage() + "); retry later")
                    .toResponse(503);
        }
        return ack(outcome instanceof InboundOutcome.Duplicate ? "duplicate" : "published");
    }

    private Response ack(String outcome) {
        webhooks.accepted(Platforms.SLACK, outcome);
        return Response.ok(new Ack(true, outcome)).build();
    }
}

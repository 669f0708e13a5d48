package dev.uniwizard.mesh.gateway.discord;

import com.fasterxml.jackson.databind.JsonNode;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.payload.ReplyAddress;
import dev.uniwizard.mesh.core.platform.Platforms;
import dev.uniwizard.mesh.gateway.config.GatewayConfig;
import dev.uniwizard.mesh.gateway.inbound.InboundMessage;
import dev.uniwizard.mesh.gateway.inbound.InboundOutcome;
import dev.uniwizard.mesh.gateway.inbound.InboundPublisher;
import dev.uniwizard.mesh.gateway.operators.Admission;
import dev.uniwizard.mesh.gateway.operators.SenderAdmission;
import dev.uniwizard.mesh.gateway.verification.WebhookRejection;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * Takes a verified slash command into the mesh: the sender is admitted (a known operator within their rate limit) and
 * the {@code text} option is published on {@code <root>.in.discord} with the interaction id as the delivery key and
 * the interaction token in the reply address; Discord is answered "deferred" at once and the reply edits or follows
 * that answer later ({@link DiscordDelivery}). Everything refused (an unknown sender, a bad option, a mesh that cannot
 * take messages) is answered with a message only the sender sees, since Discord does not retry interactions.
 */
@Singleton
public class DiscordInbound {

    private static final Logger LOG = Logger.getLogger(DiscordInbound.class);

    private final SenderAdmission admission;
    private final InboundPublisher publisher;
    private final WebhookRejection webhooks;
    private final int maxTextLength;

    public DiscordInbound(
            SenderAdmission admission, InboundPublisher publisher, WebhookRejection webhooks, GatewayConfig config) {
        this.admission = admission;
        this.publisher = publisher;
        this.webhooks = webhooks;
        this.maxTextLength = config.maxTextLength();
    }

    /** Handles one APPLICATION_COMMAND interaction. */
    public InteractionResponse handle(JsonNode interaction) {
        return switch (DiscordCommands.read(interaction)) {
            case DiscordCommand.Invalid invalid -> {
                LOG.debugf("Discord command not passed on (%s): %s", invalid.reason(), invalid.text());
                yield answer("invalid_" + invalid.reason(), InteractionResponse.ephemeral(invalid.text()));
            }
            case DiscordCommand.Message message -> take(message);
        };
    }

    private InteractionResponse take(DiscordCommand.Message message) {
        Admission decision = admission.admit(Platforms.DISCORD, message.userId(), message.displayName());
        if (decision instanceof Admission.Refused refused) {
            return answer("refused_" + refused.reason(), InteractionResponse.ephemeral(refused.text()));
        }
        if (message.text().length() > maxTextLength) {
            return answer(
                    "refused_too_long",
                    InteractionResponse.ephemeral("Your message has "
                            + message.text().length() + " characters; the mesh takes at most " + maxTextLength + "."));
        }
        InboundMessage inbound = new InboundMessage(
                message.interactionId(),
                ((Admission.Admitted) decision).operator(),
                new Sender(
                        Platforms.DISCORD,
                        message.userId(),
                        message.displayName() == null ? message.userId() : message.displayName()),
                message.conversationId(),
                message.house(),
                message.text(),
                new ReplyAddress(message.channelId(), null, null, message.token()));
        try {
            InboundOutcome outcome = publisher.publishMessage(inbound);
            return answer(
                    outcome instanceof InboundOutcome.Duplicate ? "duplicate" : "published",
                    InteractionResponse.deferred());
        } catch (RuntimeException e) {
            LOG.warnf("Discord interaction %s could not be published: %s", message.interactionId(), e.toString());
            return answer(
                    "unavailable",
                    InteractionResponse.ephemeral(
                            "The mesh cannot take messages right now; please try again in a minute."));
        }
    }

    private InteractionResponse answer(String outcome, InteractionResponse response) {
        webhooks.accepted(Platforms.DISCORD, outcome);
        return response;
    }
}

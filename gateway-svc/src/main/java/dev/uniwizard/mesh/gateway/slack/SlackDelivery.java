package dev.uniwizard.mesh.gateway.slack;

import dev.uniwizard.mesh.core.payload.ReplyAddress;
import dev.uniwizard.mesh.core.platform.Platforms;
import dev.uniwizard.mesh.gateway.outbound.OutboundReply;
import dev.uniwizard.mesh.gateway.outbound.PlatformDelivery;
import dev.uniwizard.mesh.gateway.outbound.Undeliverable;
import dev.uniwizard.mesh.service.messaging.EnvelopeHandler;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;

/**
 * Delivers replies on Slack with {@code chat.postMessage} into the address's channel and thread. Slack's rate limit
 * (HTTP 429, or {@code ratelimited}) retries after Slack's {@code Retry-After}; errors no retry can fix (the channel is
 * gone, the bot is not in it or was removed, the token is revoked, the request is malformed) dead-letter the reply at
 * once; anything else (5xx, network) is retried with backoff. A reply longer than {@link SlackText#MAX_PART}
 * characters is sent as several messages; if a later part fails, a retry sends the earlier parts again.
 */
@Singleton
public class SlackDelivery implements PlatformDelivery {

    /** Slack errors that a retry cannot fix. */
    static final Set<String> PERMANENT = Set.of(
            "channel_not_found",
            "not_in_channel",
            "is_archived",
            "invalid_auth",
            "account_inactive",
            "token_revoked",
            "token_expired",
            "not_authed",
            "missing_scope",
            "no_permission",
            "restricted_action",
            "msg_too_long",
            "no_text",
            "invalid_arguments");

    private final SlackSettings settings;
    private final SlackWebApi api;

    public SlackDelivery(SlackSettings settings, SlackWebApi api) {
        this.settings = settings;
        this.api = api;
    }

    @Override
    public String platform() {
        return Platforms.SLACK;
    }

    @Override
    public boolean enabled() {
        return settings.enabled();
    }

    @Override
    public void deliver(OutboundReply reply, EnvelopeHandler.Delivery delivery) throws Exception {
        ReplyAddress address = reply.address();
        if (address == null || address.chat() == null || address.chat().isBlank()) {
            throw new Undeliverable("the reply has no Slack channel (replyTo.chat is missing)");
        }
        List<String> parts = SlackText.parts(reply.text(), SlackText.MAX_PART);
        for (String part : parts) {
            switch (api.postMessage(address.chat(), part, address.thread())) {
                case SlackWebApi.Result.Posted posted -> {}
                case SlackWebApi.Result.RateLimited limited ->
                    throw new EnvelopeHandler.RetryLater(
                            "Slack rate-limited chat.postMessage to " + address.chat() + "; retrying after "
                                    + limited.retryAfter().toSeconds() + " s",
                            limited.retryAfter());
                case SlackWebApi.Result.Failed failed
                when PERMANENT.contains(failed.error()) ->
                    throw new Undeliverable(failed.detail() + " (channel " + address.chat() + ")" + hint(failed));
                case SlackWebApi.Result.Failed failed ->
                    throw new IllegalStateException(failed.detail() + " (channel " + address.chat() + ")");
            }
        }
    }

    private static String hint(SlackWebApi.Result.Failed failed) {
        return switch (failed.error()) {
            case "not_in_channel" -> ": invite the bot into the channel";
            case "invalid_auth", "not_authed", "token_revoked", "token_expired", "account_inactive" ->
                ": check GATEWAY_SLACK_BOT_TOKEN";
            case "missing_scope" -> ": give the app the chat:write scope and reinstall it";
            default -> "";
        };
    }
}

package dev.uniwizard.mesh.gateway.discord;

import dev.uniwizard.mesh.core.payload.ReplyAddress;
import dev.uniwizard.mesh.core.platform.Platforms;
import dev.uniwizard.mesh.gateway.outbound.OutboundReply;
import dev.uniwizard.mesh.gateway.outbound.PlatformDelivery;
import dev.uniwizard.mesh.gateway.outbound.Undeliverable;
import dev.uniwizard.mesh.service.messaging.EnvelopeHandler;
import jakarta.inject.Singleton;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Delivers replies to slash commands through the interaction token in the reply address. The gateway answered the
 * command "deferred", so Discord shows "... is thinking" as the original response until it is edited. For each reply
 * the delivery asks Discord for the original response: while it is still thinking (flag LOADING), the reply's first
 * part replaces it ({@code PATCH .../messages/@original}); once it was replaced (by an earlier reply, e.g. a pending
 * notice "waiting for approval"), the reply is posted as a follow-up ({@code POST /webhooks/<app>/<token>}), which
 * notifies the user. The decision so rests on Discord's own state, the same for every gateway replica, and replies to
 * one token are delivered one at a time within a replica. Parts beyond 2,000 characters are always follow-ups, and
 * parts already sent are not sent again when a later part is retried.
 *
 * <p>Discord's rate limit (429, {@code retry_after}) retries after the time Discord gives; 404 (the token expired 15
 * minutes after the command, or is unknown) and other 4xx dead-letter the reply; 5xx and network failures are retried
 * with backoff.
 */
@Singleton
public class DiscordDelivery implements PlatformDelivery {

    private static final int LOCK_STRIPES = 64;
    private static final int MAX_TRACKED = 10_000;

    private final DiscordSettings settings;
    private final DiscordWebhookApi api;
    private final ReentrantLock[] locks = new ReentrantLock[LOCK_STRIPES];

    /** Parts of a split reply already sent, by reply envelope id, while later parts are retried. */
    private final Map<String, Integer> sentParts = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > MAX_TRACKED;
        }
    });

    public DiscordDelivery(DiscordSettings settings, DiscordWebhookApi api) {
        this.settings = settings;
        this.api = api;
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    @Override
    public String platform() {
        return Platforms.DISCORD;
    }

    @Override
    public boolean enabled() {
        return settings.enabled();
    }

    @Override
    public void deliver(OutboundReply reply, EnvelopeHandler.Delivery delivery) throws Exception {
        ReplyAddress address = reply.address();
        if (address == null || address.token() == null || address.token().isBlank()) {
            throw new Undeliverable("the reply has no Discord interaction token (replyTo.token is missing): Discord"
                    + " replies can only answer a slash command");
        }
        String token = address.token();
        String replyId = reply.envelope().id();
        List<String> parts = DiscordText.parts(reply.text(), DiscordText.MAX_CONTENT);
        ReentrantLock lock = locks[Math.floorMod(token.hashCode(), LOCK_STRIPES)];
        lock.lock();
        try {
            int next = sentParts.getOrDefault(replyId, 0);
            for (int i = next; i < parts.size(); i++) {
                boolean edit = i == 0 && stillThinking(token);
                DiscordWebhookApi.Result result =
                        edit ? api.editOriginal(token, parts.get(i)) : api.followUp(token, parts.get(i));
                check(result);
                sentParts.put(replyId, i + 1);
            }
            sentParts.remove(replyId);
        } catch (Undeliverable e) {
            sentParts.remove(replyId);
            throw e;
        } finally {
            lock.unlock();
        }
    }

    /** Whether the original response still shows the deferred "thinking" state. */
    private boolean stillThinking(String token) throws Exception {
        DiscordWebhookApi.Result result = api.original(token);
        check(result);
        int flags =
                ((DiscordWebhookApi.Result.Ok) result).message().path("flags").asInt(0);
        return (flags & DiscordWebhookApi.LOADING) != 0;
    }

    private static void check(DiscordWebhookApi.Result result) throws Exception {
        switch (result) {
            case DiscordWebhookApi.Result.Ok ok -> {}
            case DiscordWebhookApi.Result.RateLimited limited ->
                throw new EnvelopeHandler.RetryLater(
                        "Discord rate-limited the interaction webhook; retrying after "
                                + limited.retryAfter().toMillis() + " ms",
                        limited.retryAfter());
            case DiscordWebhookApi.Result.UnknownWebhook unknown ->
                throw new Undeliverable("the Discord interaction token expired (Discord accepts replies for 15 minutes"
                        + " after the command) or is not this application's: " + unknown.detail());
            case DiscordWebhookApi.Result.Refused refused ->
                throw new Undeliverable("Discord refused the reply: " + refused.detail());
            case DiscordWebhookApi.Result.Failed failed -> throw new IllegalStateException(failed.detail());
        }
    }
}

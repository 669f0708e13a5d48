package dev.uniwizard.mesh.gateway.telegram;

import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.payload.ReplyAddress;
import dev.uniwizard.mesh.core.platform.Platforms;
import dev.uniwizard.mesh.gateway.outbound.OutboundReply;
import dev.uniwizard.mesh.gateway.outbound.PlatformDelivery;
import dev.uniwizard.mesh.gateway.outbound.Undeliverable;
import dev.uniwizard.mesh.service.messaging.EnvelopeHandler;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Delivers replies from {@code <root>.out.telegram} with sendMessage: to the reply's {@code replyTo} chat and forum
 * topic, answering the operator's message with the first chunk; without an address, to the sender's private chat
 * (chat id = user id). Replies (interim {@code pending} notices too) longer than 4,096 characters go as several
 * messages in order ({@link TelegramChunks}); every message waits for its turn under Telegram's rate limits
 * ({@link TelegramSender}). A 429 retries the reply after Telegram's {@code retry_after}, continuing with the first chunk
 * not yet sent ({@link SentChunks}); "chat not found", "bot was blocked" and other 400/403 answers dead-letter it;
 * server errors and network failures retry it with backoff.
 */
@Singleton
public class TelegramDelivery implements PlatformDelivery {

    private static final Logger LOG = Logger.getLogger(TelegramDelivery.class);
    private static final Pattern CHAT = Pattern.compile("-?\\d{1,20}|@[A-Za-z0-9_]{4,64}");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,20}");
    private static final int REMEMBERED_REPLIES = 10_000;

    private final TelegramSettings settings;
    private final TelegramSender sender;
    private final SentChunks sentChunks = new SentChunks(REMEMBERED_REPLIES);

    public TelegramDelivery(TelegramSetup setup, TelegramSender sender) {
        this.settings = setup.settings();
        this.sender = sender;
    }

    @Override
    public String platform() {
        return Platforms.TELEGRAM;
    }

    @Override
    public boolean enabled() {
        return settings.enabled();
    }

    @Override
    public void deliver(OutboundReply reply, EnvelopeHandler.Delivery delivery) throws Exception {
        String replyId = reply.envelope().id();
        Target target = target(reply);
        List<String> chunks = TelegramChunks.split(reply.text());
        if (chunks.isEmpty()) {
            throw new Undeliverable("the reply has no text to show, and Telegram does not send empty messages");
        }
        int done = sentChunks.sentCount(replyId);
        if (done >= chunks.size()) {
            LOG.debugf("reply %s was delivered to Telegram chat %s before; not sending it again", replyId, target.chat);
            return;
        }
        for (int i = done; i < chunks.size(); i++) {
            TelegramOutgoing message =
                    new TelegramOutgoing(target.chat, target.thread, i == 0 ? target.inReplyTo : null, chunks.get(i));
            try {
                sender.send(message, "reply", delivery::stillWorking);
            } catch (TelegramApiException e) {
                throw failure(e, replyId, target.chat, i, chunks.size());
            }
            sentChunks.markSent(replyId, i + 1);
        }
        LOG.debugf("reply %s delivered to Telegram chat %s in %d message(s)", replyId, target.chat, chunks.size());
    }

    private record Target(String chat, String thread, String inReplyTo) {}

    private static Target target(OutboundReply reply) throws Undeliverable {
        ReplyAddress address = reply.address();
        if (address != null && address.chat() != null && !address.chat().isBlank()) {
            String chat = address.chat().strip();
            if (!CHAT.matcher(chat).matches()) {
                throw new Undeliverable("replyTo.chat '" + chat + "' is not a Telegram chat id (a number or @channel)");
            }
            String thread = address.thread() == null ? null : address.thread().strip();
            if (thread != null && !NUMBER.matcher(thread).matches()) {
                throw new Undeliverable("replyTo.thread '" + thread + "' is not a Telegram message_thread_id");
            }
            String inReplyTo =
                    address.inReplyTo() == null ? null : address.inReplyTo().strip();
            if (inReplyTo != null && !NUMBER.matcher(inReplyTo).matches()) {
                LOG.warnf(
                        "reply %s: replyTo.inReplyTo '%s' is not a Telegram message id; sending it as a plain message",
                        reply.envelope().id(), inReplyTo);
                inReplyTo = null;
            }
            return new Target(chat, thread, inReplyTo);
        }
        Sender from = reply.envelope().sender();
        if (from != null
                && Platforms.TELEGRAM.equals(from.platform())
                && from.userId() != null
                && NUMBER.matcher(from.userId().strip()).matches()) {
            // A private chat's id is the user's id.
            return new Target(from.userId().strip(), null, null);
        }
        throw new Undeliverable(
                "the reply has no Telegram address: no replyTo.chat, and its sender is not a Telegram user"
                        + (from == null ? "" : " (" + from.platform() + ":" + from.userId() + ")"));
    }

    private static Exception failure(TelegramApiException e, String replyId, String chat, int chunk, int chunks) {
        String where = "chat " + chat + ", message " + (chunk + 1) + " of " + chunks;
        if (e.isRateLimit()) {
            Duration wait = e.retryAfter().filter(d -> d.toSeconds() >= 1).orElse(Duration.ofSeconds(1));
            return new EnvelopeHandler.RetryLater(
                    "Telegram rate limit (" + where + "): retry after " + wait.toSeconds() + " s", wait);
        }
        if (e.errorCode() == 400 || e.errorCode() == 403) {
            return new Undeliverable("Telegram refused it (" + where + "): " + e.errorCode() + " " + e.description());
        }
        if (e.errorCode() == 401 || e.errorCode() == 404) {
            LOG.errorf(
                    "Telegram refused the bot token (%d %s) while delivering reply %s: check gateway.telegram.bot-token"
                            + " (env GATEWAY_TELEGRAM_BOT_TOKEN); the reply is retried",
                    e.errorCode(), e.description(), replyId);
        }
        return e;
    }
}

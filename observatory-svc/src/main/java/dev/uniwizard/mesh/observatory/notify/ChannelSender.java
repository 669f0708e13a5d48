package dev.uniwizard.mesh.observatory.notify;

import dev.uniwizard.mesh.core.envelope.Ids;
import jakarta.inject.Singleton;

/** Sends one message to one channel: the text to a chat, the JSON to a webhook. */
@Singleton
public class ChannelSender {

    private final ChatPublisher chats;
    private final WebhookPoster webhooks;

    public ChannelSender(ChatPublisher chats, WebhookPoster webhooks) {
        this.chats = chats;
        this.webhooks = webhooks;
    }

    /**
     * Sends; never throws.
     *
     * @param messageId a UUID of the message; a chat's envelope id derives from it and the chat, so sending the same
     *     message to the same chat again is deduplicated
     * @param text for chats
     * @param json for webhooks
     * @param kind the webhook's {@code X-Mesh-Notification} header ({@code alert}, {@code digest})
     */
    public Delivery send(Channel channel, String messageId, String text, String json, String kind) {
        return switch (channel) {
            case ChatChannel chat ->
                chats.send(chat, Ids.derive(messageId, chat.name() + ":" + chat.destination()), text);
            case WebhookChannel webhook -> webhooks.post(webhook, json, kind);
        };
    }
}

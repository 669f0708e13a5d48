package dev.uniwizard.mesh.gateway.telegram;

import dev.uniwizard.mesh.core.payload.ReplyAddress;
import dev.uniwizard.mesh.core.platform.Platforms;

/** What the gateway makes of one Telegram update: a text message to pass on, or something it deliberately ignores. */
public sealed interface TelegramUpdate {

    long updateId();

    /**
     * A text message from a person.
     *
     * @param updateId the update's id (the dedupe key)
     * @param chatId the chat's id (equal to the user id in a private chat, negative in groups)
     * @param threadId the forum topic's {@code message_thread_id}, or null
     * @param messageId the message's id in the chat
     * @param fromId the sender's user id
     * @param displayName the sender's name (first and last name, else {@code @username}), or null
     * @param text the text, with a leading command's {@code @<bot username>} removed
     */
    record Text(
            long updateId,
            String chatId,
            String threadId,
            String messageId,
            String fromId,
            String displayName,
            String text)
            implements TelegramUpdate {

        /** {@code telegram:<chat id>}, plus {@code :<thread id>} in a forum topic. */
        public String conversationId() {
            return Platforms.TELEGRAM + ":" + chatId + (threadId == null ? "" : ":" + threadId);
        }

        public ReplyAddress replyTo() {
            return new ReplyAddress(chatId, threadId, messageId, null);
        }
    }

    /**
     * An update the gateway does not pass on.
     *
     * @param updateId the update's id
     * @param reason a stable label for metrics ({@code edited_message}, {@code no_text}, {@code no_sender}...)
     * @param detail what it was, for the debug log
     */
    record Ignored(long updateId, String reason, String detail) implements TelegramUpdate {}
}

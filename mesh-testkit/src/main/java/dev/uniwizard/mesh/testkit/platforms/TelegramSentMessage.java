package dev.uniwizard.mesh.testkit.platforms;

import java.time.Instant;

/**
 * A message {@link FakeTelegramBotApi} accepted through {@code sendMessage}.
 *
 * @param messageId the id the fake gave it
 * @param chatId {@code chat_id} as sent (a number or {@code @channelusername}), as text
 * @param threadId {@code message_thread_id}, or null
 * @param replyToMessageId {@code reply_parameters.message_id} (or the older {@code reply_to_message_id}), or null
 * @param text the text
 * @param receivedAt when the fake received it, for assertions on pacing
 */
public record TelegramSentMessage(
        long messageId, String chatId, Long threadId, Long replyToMessageId, String text, Instant receivedAt) {}

package dev.uniwizard.mesh.gateway.telegram;

/**
 * One {@code sendMessage} call.
 *
 * @param chatId the chat: a number (negative for groups) or {@code @channelusername}
 * @param threadId the forum topic ({@code message_thread_id}), or null
 * @param replyToMessageId the message to answer ({@code reply_parameters.message_id}), or null
 * @param text at most 4,096 characters
 */
public record TelegramOutgoing(String chatId, String threadId, String replyToMessageId, String text) {}

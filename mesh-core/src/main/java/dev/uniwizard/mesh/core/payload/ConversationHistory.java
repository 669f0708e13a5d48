package dev.uniwizard.mesh.core.payload;

import java.util.List;

/** Reply to a history request: the messages in the order they were stored; {@code found} false if unknown. */
public record ConversationHistory(String conversationId, boolean found, List<StoredMessage> messages) {}

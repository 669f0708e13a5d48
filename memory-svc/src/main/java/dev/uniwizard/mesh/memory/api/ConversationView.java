package dev.uniwizard.mesh.memory.api;

import dev.uniwizard.mesh.core.payload.StoredMessage;
import java.util.List;

/** One conversation's latest messages, oldest first, each with the tool calls it made or answers. */
public record ConversationView(String conversationId, List<StoredMessage> messages) {}

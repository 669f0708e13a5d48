package dev.uniwizard.mesh.memory.historian;

import dev.uniwizard.mesh.core.payload.StoredMessage;
import java.util.List;

/**
 * A conversation with messages no summary covers yet.
 *
 * @param house the house that handled it last ({@code conversations.last_house}), or null
 * @param messages the messages after the last summary, oldest first
 */
record PendingConversation(String id, String house, List<StoredMessage> messages) {}

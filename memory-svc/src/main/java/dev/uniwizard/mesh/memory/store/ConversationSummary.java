package dev.uniwizard.mesh.memory.store;

import java.time.Instant;

/** One conversation as the listing shows it. */
public record ConversationSummary(
        String id, Instant createdAt, Instant updatedAt, String lastHouse, int messageCount) {}

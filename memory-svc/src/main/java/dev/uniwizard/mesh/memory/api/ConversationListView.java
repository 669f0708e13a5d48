package dev.uniwizard.mesh.memory.api;

import java.time.Instant;
import java.util.List;

/**
 * A page of conversations, most recently updated first. {@code nextBefore} is the {@code before} value for the next
 * page, or null when this page is the last.
 */
public record ConversationListView(List<Item> conversations, Instant nextBefore) {

    public record Item(String id, Instant updatedAt, String lastHouse, int messageCount) {}
}

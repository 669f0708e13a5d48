package dev.uniwizard.mesh.memory.historian;

import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.payload.MemoryAppendRequest;
import dev.uniwizard.mesh.memory.store.ConversationStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Writes conversations for historian tests through the real store, and ages them in SQL. */
public final class TestConversations {

    public static final Sender ALICE = new Sender("http", "alice", "Alice");

    private final ConversationStore store;
    private final Jdbi jdbi;

    public TestConversations(ConversationStore store, Jdbi jdbi) {
        this.store = store;
        this.jdbi = jdbi;
    }

    public static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** Appends a message; returns its seq. */
    public long say(String conversationId, String role, String house, String content, Instant at) {
        return store.append(new MemoryAppendRequest(
                        conversationId,
                        UUID.randomUUID().toString(),
                        role,
                        house,
                        "user".equals(role) ? ALICE : null,
                        content,
                        at))
                .seq();
    }

    /** Appends {@code count} alternating user and assistant messages said at {@code at}; returns their seqs. */
    public List<Long> talk(String conversationId, String house, int count, Instant at) {
        List<Long> seqs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean user = i % 2 == 0;
            seqs.add(say(
                    conversationId,
                    user ? "user" : "assistant",
                    house,
                    user
                            ? "Please check the deploy pipeline number " + i + " for conversation " + conversationId
                            : "The deploy pipeline number " + i + " is green again after the cache fix.",
                    at));
        }
        return seqs;
    }

    /** Makes the conversation look idle for two hours. */
    public void makeIdle(String conversationId) {
        jdbi.useHandle(handle -> handle.createUpdate(
                        "UPDATE conversations SET updated_at = now() - interval '2 hours' WHERE id = :id")
                .bind("id", conversationId)
                .execute());
    }
}

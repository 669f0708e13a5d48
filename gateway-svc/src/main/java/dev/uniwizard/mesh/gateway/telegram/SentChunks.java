package dev.uniwizard.mesh.gateway.telegram;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many chunks of each reply (by envelope id) were already sent, so a redelivered reply (after a 429, a crash of the
 * platform call, a lost acknowledgement) continues where it stopped instead of sending its first chunks again. Kept in
 * this process only, for the most recent {@code capacity} replies: after a gateway restart, or when another replica
 * takes the redelivery, the chunks of a half-delivered reply are sent again. Thread-safe.
 */
public final class SentChunks {

    private final Map<String, Integer> sent;

    public SentChunks(int capacity) {
        this.sent = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Chunks of {@code replyId} sent so far (0 if none or forgotten). */
    public synchronized int sentCount(String replyId) {
        return sent.getOrDefault(replyId, 0);
    }

    /** Records that the first {@code count} chunks of {@code replyId} were sent. */
    public synchronized void markSent(String replyId, int count) {
        sent.merge(replyId, count, Math::max);
    }

    public synchronized int size() {
        return sent.size();
    }
}

package dev.uniwizard.mesh.gateway.telegram;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.LongSupplier;

/**
 * The send calendar behind Telegram's limits (about one message per second to a chat, about thirty overall): each
 * {@link #reserve} books the earliest moment that keeps the chat's gap (counted from its last booking, or from its last
 * {@link #finished} send if later) and the overall gap to every booking made before, and says how long to wait for
 * it. Bookings are served in the order they were made, so a burst queues up and nothing is dropped; a chat that is far
 * behind does not hold up other chats. Pure logic on a nanosecond clock, so it can be tested without waiting.
 * Thread-safe.
 */
public final class SendPacer {

    private static final int PRUNE_ABOVE = 1024;

    private final long chatGap;
    private final long overallGap;
    private final LongSupplier nanoClock;
    private final Map<String, Long> chatNext = new HashMap<>();
    private final TreeSet<Long> booked = new TreeSet<>();

    public SendPacer(double perChatPerSecond, double overallPerSecond, LongSupplier nanoClock) {
        if (!(perChatPerSecond > 0) || !(overallPerSecond > 0)) {
            throw new IllegalArgumentException("send rates must be greater than 0, got " + perChatPerSecond
                    + " per chat and " + overallPerSecond + " overall");
        }
        this.chatGap = Math.max(1, Math.round(1e9 / perChatPerSecond));
        this.overallGap = Math.max(1, Math.round(1e9 / overallPerSecond));
        this.nanoClock = nanoClock;
    }

    /** Books the next send to {@code chat}; returns the nanoseconds to wait before sending (0 when it may go now). */
    public synchronized long reserve(String chat) {
        long now = nanoClock.getAsLong();
        prune(now);
        long slot = Math.max(now, chatNext.getOrDefault(chat, now));
        boolean moved = true;
        while (moved) {
            moved = false;
            Long before = booked.floor(slot);
            if (before != null && slot - before < overallGap) {
                slot = before + overallGap;
                moved = true;
                continue;
            }
            Long after = booked.ceiling(slot);
            if (after != null && after - slot < overallGap) {
                slot = after + overallGap;
                moved = true;
            }
        }
        booked.add(slot);
        chatNext.put(chat, slot + chatGap);
        return slot - now;
    }

    /**
     * Records that a send to {@code chat} just finished: the chat's next send waits a full gap from now, so network
     * delays cannot bring two messages closer together at Telegram than the gap.
     */
    public synchronized void finished(String chat) {
        chatNext.merge(chat, nanoClock.getAsLong() + chatGap, Math::max);
    }

    /** Holds every later send to {@code chat} back for {@code pause} (after Telegram answered 429 with retry_after). */
    public synchronized void pauseChat(String chat, Duration pause) {
        long until = nanoClock.getAsLong() + pause.toNanos();
        chatNext.merge(chat, until, Math::max);
    }

    /** Chats with a pending booking or a gap still running. */
    public synchronized int trackedChats() {
        return chatNext.size();
    }

    private void prune(long now) {
        booked.headSet(now - overallGap).clear();
        if (chatNext.size() > PRUNE_ABOVE) {
            chatNext.values().removeIf(next -> next <= now);
        }
    }
}

package dev.uniwizard.mesh.gateway.replies;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The requests of this gateway replica that wait for a reply, keyed by correlation id (the id of the message they
 * sent). Bounded, so a flood of slow requests cannot exhaust memory: beyond the capacity, registering fails. A waiter
 * takes every reply to its request in order (interim notices first, then the answer), up to
 * {@link #REPLIES_PER_WAITER} of them.
 */
public class ReplyWaiters {

    /** Replies one waiter holds before it has taken them; more are refused (a house would not send that many). */
    public static final int REPLIES_PER_WAITER = 32;

    private final int capacity;
    private final Map<String, Waiter> waiting = new ConcurrentHashMap<>();
    private final AtomicInteger size = new AtomicInteger();

    public ReplyWaiters(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the reply waiter capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** A new waiter, or empty when {@code capacity} requests are waiting already. */
    public Optional<Waiter> register(String correlationId) {
        if (size.incrementAndGet() > capacity) {
            size.decrementAndGet();
            return Optional.empty();
        }
        Waiter waiter = new Waiter(correlationId);
        if (waiting.putIfAbsent(correlationId, waiter) != null) {
            size.decrementAndGet();
            throw new IllegalStateException("a request already waits for a reply to " + correlationId);
        }
        return Optional.of(waiter);
    }

    /**
     * Hands a reply to the request waiting for it; false when none waits here (another replica's, or late), or when it
     * holds {@link #REPLIES_PER_WAITER} replies not yet taken.
     */
    public boolean complete(String correlationId, Reply reply) {
        Waiter waiter = correlationId == null ? null : waiting.get(correlationId);
        return waiter != null && waiter.replies.offer(reply);
    }

    public int size() {
        return size.get();
    }

    public int capacity() {
        return capacity;
    }

    /** One request's wait; {@link #close()} it when done, whatever happened. */
    public final class Waiter implements AutoCloseable {
        private final String correlationId;
        private final BlockingQueue<Reply> replies = new ArrayBlockingQueue<>(REPLIES_PER_WAITER);

        private Waiter(String correlationId) {
            this.correlationId = correlationId;
        }

        public String correlationId() {
            return correlationId;
        }

        /** The next reply not taken yet (the first one, on the first call), or empty if none came within {@code timeout}. */
        public Optional<Reply> await(Duration timeout) throws InterruptedException {
            return Optional.ofNullable(replies.poll(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS));
        }

        @Override
        public void close() {
            if (waiting.remove(correlationId, this)) {
                size.decrementAndGet();
            }
        }
    }
}

package dev.uniwizard.mesh.gateway.replies;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The requests of this gateway replica that wait for a reply, keyed by correlation id (the id of the message they
 * sent). Bounded, so a flood of slow requests cannot exhaust memory: beyond the capacity, registering fails.
 */
public class ReplyWaiters {

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

    /** Hands a reply to the request waiting for it; false when none waits here (another replica's, or late). */
    public boolean complete(String correlationId, Reply reply) {
        Waiter waiter = correlationId == null ? null : waiting.get(correlationId);
        return waiter != null && waiter.reply.complete(reply);
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
        private final CompletableFuture<Reply> reply = new CompletableFuture<>();

        private Waiter(String correlationId) {
            this.correlationId = correlationId;
        }

        public String correlationId() {
            return correlationId;
        }

        /** The reply, or empty if none arrived within {@code timeout}. */
        public Optional<Reply> await(Duration timeout) throws InterruptedException {
            try {
                return Optional.of(reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
            } catch (TimeoutException e) {
                return Optional.empty();
            } catch (ExecutionException e) {
                throw new IllegalStateException("reply waiter failed", e.getCause());
            }
        }

        @Override
        public void close() {
            if (waiting.remove(correlationId, this)) {
                size.decrementAndGet();
            }
        }
    }
}

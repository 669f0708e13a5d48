package dev.uniwizard.mesh.core.signing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A replay guard for one process. An id is kept until its envelope's timestamp has left the freshness window; after
 * that the clock-skew check rejects the envelope anyway, so memory stays bounded by the traffic of one window.
 */
public final class InMemoryReplayGuard implements ReplayGuard {

    private final ConcurrentHashMap<String, Instant> seen = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration retention;
    private final AtomicLong claimsSincePurge = new AtomicLong();

    /** @param window the freshness window each side of now; ids are kept for the window after their timestamp. */
    public InMemoryReplayGuard(Clock clock, Duration window) {
        this.clock = clock;
        this.retention = window;
    }

    @Override
    public boolean claim(String id, Instant ts) {
        if (claimsSincePurge.incrementAndGet() >= 10_000) {
            claimsSincePurge.set(0);
            purge();
        }
        Instant expiry = (ts == null ? clock.instant() : ts).plus(retention);
        return seen.putIfAbsent(id, expiry) == null;
    }

    @Override
    public void release(String id) {
        seen.remove(id);
    }

    public int size() {
        return seen.size();
    }

    void purge() {
        Instant now = clock.instant();
        seen.values().removeIf(expiry -> expiry.isBefore(now));
    }
}

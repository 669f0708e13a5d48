package dev.uniwizard.mesh.service.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The liveness rule, without any messaging: a house is up while one of its instances has sent an {@code UP} heartbeat
 * within {@code missed} of that instance's own intervals; a recent {@code DOWN} (readiness failing) counts as down. A
 * house not heard from since watching started counts as up for a grace period of {@code missed} default intervals (it
 * may simply not have beaten yet), then as down. Thread-safe; the clock is injected so tests can move time.
 */
public final class HouseHeartbeats {

    /** One instance's latest heartbeat. */
    private record Beat(Instant at, Duration interval, boolean up) {}

    private final Clock clock;
    private final int missed;
    private final Duration defaultInterval;
    private final String watcher;
    private final Instant startedAt;
    private final Map<String, Map<String, Beat>> beats = new ConcurrentHashMap<>();

    /**
     * @param missed {@code mesh.house-liveness.missed-heartbeats}
     * @param defaultInterval {@code mesh.house-liveness.default-interval}
     * @param watcher the watching service's name, used in {@link HouseState#describeLastHeartbeat()}
     */
    public HouseHeartbeats(Clock clock, int missed, Duration defaultInterval, String watcher) {
        if (missed < 1) {
            throw new IllegalArgumentException(
                    "mesh.house-liveness.missed-heartbeats must be at least 1, got " + missed);
        }
        if (defaultInterval == null || defaultInterval.isZero() || defaultInterval.isNegative()) {
            throw new IllegalArgumentException(
                    "mesh.house-liveness.default-interval must be positive, got " + defaultInterval);
        }
        this.clock = clock;
        this.missed = missed;
        this.defaultInterval = defaultInterval;
        this.watcher = watcher;
        this.startedAt = clock.instant();
    }

    /**
     * Records a heartbeat of {@code instance} of {@code house}, received now; a missing or non-positive interval
     * counts as the default interval.
     */
    public void heard(String house, String instance, Duration interval, boolean up) {
        Duration every = interval == null || interval.isZero() || interval.isNegative() ? defaultInterval : interval;
        beats.computeIfAbsent(house, h -> new ConcurrentHashMap<>())
                .put(instance, new Beat(clock.instant(), every, up));
    }

    public HouseState state(String house) {
        Instant now = clock.instant();
        Map<String, Beat> instances = beats.getOrDefault(house, Map.of());
        if (instances.isEmpty()) {
            boolean inGrace = !now.isAfter(startedAt.plus(defaultInterval.multipliedBy(missed)));
            return new HouseState(house, inGrace, Optional.empty(), false, now, startedAt, watcher);
        }
        boolean up = false;
        boolean freshDown = false;
        Instant last = Instant.MIN;
        for (Beat beat : instances.values()) {
            boolean fresh = !now.isAfter(beat.at().plus(beat.interval().multipliedBy(missed)));
            up |= fresh && beat.up();
            freshDown |= fresh && !beat.up();
            if (beat.at().isAfter(last)) {
                last = beat.at();
            }
        }
        return new HouseState(house, up, Optional.of(last), !up && freshDown, now, startedAt, watcher);
    }

    public boolean isUp(String house) {
        return state(house).up();
    }
}

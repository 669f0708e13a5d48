package dev.uniwizard.mesh.router.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The router's view of which houses are alive, from their heartbeats. A house is up while one of its instances has
 * sent an {@code UP} heartbeat within {@code missed} of that instance's own intervals. A house not heard from since the
 * router started counts as up for a grace period of {@code missed} default intervals (it may simply not have beaten
 * yet), then as down. Thread-safe; the clock is injected so tests can move time.
 */
public final class HouseHealth {

    /** One instance's latest heartbeat. */
    private record Beat(Instant at, Duration interval, boolean up) {}

    /**
     * A house's state at {@code now}.
     *
     * @param up whether the house counts as alive
     * @param lastHeartbeat its latest heartbeat (any status), if it sent one since the router started
     * @param reportedDown whether its latest heartbeats are recent but say {@code DOWN}
     */
    public record HouseState(
            String house,
            boolean up,
            Optional<Instant> lastHeartbeat,
            boolean reportedDown,
            Instant now,
            Instant watchingSince) {

        /** E.g. {@code last heartbeat 2 min ago}, {@code no heartbeat since the router started 40 s ago}. */
        public String describeLastHeartbeat() {
            if (lastHeartbeat.isEmpty()) {
                return "no heartbeat since the router started " + ago(watchingSince);
            }
            return (reportedDown ? "it reports DOWN; last heartbeat " : "last heartbeat ") + ago(lastHeartbeat.get());
        }

        private String ago(Instant then) {
            return Ages.describe(Duration.between(then, now)) + " ago";
        }
    }

    private final Clock clock;
    private final int missed;
    private final Duration defaultInterval;
    private final Instant startedAt;
    private final Map<String, Map<String, Beat>> beats = new ConcurrentHashMap<>();

    public HouseHealth(Clock clock, int missed, Duration defaultInterval) {
        if (missed < 1) {
            throw new IllegalArgumentException("router.health.missed-heartbeats must be at least 1, got " + missed);
        }
        if (defaultInterval.isZero() || defaultInterval.isNegative()) {
            throw new IllegalArgumentException(
                    "router.health.default-interval must be positive, got " + defaultInterval);
        }
        this.clock = clock;
        this.missed = missed;
        this.defaultInterval = defaultInterval;
        this.startedAt = clock.instant();
    }

    /** Records a heartbeat of {@code instance} of {@code house}, received now. */
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
            return new HouseState(house, inGrace, Optional.empty(), false, now, startedAt);
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
        return new HouseState(house, up, Optional.of(last), !up && freshDown, now, startedAt);
    }

    public boolean isUp(String house) {
        return state(house).up();
    }
}

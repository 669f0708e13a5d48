package dev.uniwizard.mesh.observatory.stats;

import java.time.Duration;
import java.time.Instant;

/**
 * The period stats are computed over.
 *
 * @param since start (inclusive)
 * @param until end (inclusive), the time of the request
 */
public record StatsPeriod(Instant since, Instant until) {

    public StatsPeriod {
        if (since.isAfter(until)) {
            throw new IllegalArgumentException("a period cannot start (" + since + ") after it ends (" + until + ")");
        }
    }

    public Duration length() {
        return Duration.between(since, until);
    }

    /** Its length in minutes, fractions included. */
    public double minutes() {
        return length().toMillis() / 60_000.0;
    }
}

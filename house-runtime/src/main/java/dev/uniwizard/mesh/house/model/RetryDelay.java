package dev.uniwizard.mesh.house.model;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * How long to wait before the next attempt at a completion: what the endpoint asked for with {@code Retry-After}
 * (seconds or an HTTP date, or OpenAI's {@code retry-after-ms}), else exponential backoff; never more than 30 s.
 */
final class RetryDelay {

    static final Duration MAX = Duration.ofSeconds(30);

    private RetryDelay() {}

    /** {@code backoff * 2^(attempt-1)}, capped; attempt counts from 1. */
    static Duration backoff(Duration first, int attempt) {
        Duration wait = first.isNegative() ? Duration.ZERO : first;
        for (int i = 1; i < attempt && wait.compareTo(MAX) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return cap(wait);
    }

    /** What the response's headers ask for, capped; empty when they ask for nothing readable. */
    static Optional<Duration> requested(HttpHeaders headers) {
        Optional<Duration> millis = headers.firstValue("retry-after-ms").flatMap(v -> number(v, 1));
        if (millis.isPresent()) {
            return millis.map(RetryDelay::cap);
        }
        return headers.firstValue("retry-after").flatMap(RetryDelay::retryAfter).map(RetryDelay::cap);
    }

    private static Optional<Duration> retryAfter(String value) {
        Optional<Duration> seconds = number(value, 1000);
        if (seconds.isPresent()) {
            return seconds;
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> number(String value, int millisPerUnit) {
        try {
            double amount = Double.parseDouble(value.strip());
            if (Double.isNaN(amount) || amount < 0) {
                return Optional.of(Duration.ZERO);
            }
            return Optional.of(Duration.ofMillis((long) Math.min(amount * millisPerUnit, MAX.toMillis())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Duration cap(Duration wait) {
        return wait.compareTo(MAX) > 0 ? MAX : wait;
    }
}

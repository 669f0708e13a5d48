package dev.uniwizard.mesh.house.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryDelayTest {

    @Test
    void backoffDoublesFromTheFirstWaitAndStopsAtThirtySeconds() {
        Duration first = Duration.ofMillis(500);

        assertThat(RetryDelay.backoff(first, 1)).isEqualTo(Duration.ofMillis(500));
        assertThat(RetryDelay.backoff(first, 2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(RetryDelay.backoff(first, 3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(RetryDelay.backoff(first, 40)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void retryAfterInSecondsIsHonouredUpToThirtySeconds() {
        assertThat(RetryDelay.requested(headers("Retry-After", "2"))).contains(Duration.ofSeconds(2));
        assertThat(RetryDelay.requested(headers("Retry-After", "0"))).contains(Duration.ZERO);
        assertThat(RetryDelay.requested(headers("Retry-After", "3600"))).contains(Duration.ofSeconds(30));
    }

    @Test
    void retryAfterMillisecondsAndDatesAreRead() {
        assertThat(RetryDelay.requested(headers("retry-after-ms", "250"))).contains(Duration.ofMillis(250));
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(10));
        Duration wait =
                RetryDelay.requested(headers("Retry-After", inTenSeconds)).orElseThrow();
        assertThat(wait).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10));
    }

    @Test
    void unreadableOrMissingRetryAfterAsksForNothing() {
        assertThat(RetryDelay.requested(headers("Retry-After", "soon"))).isEqualTo(Optional.empty());
        assertThat(RetryDelay.requested(HttpHeaders.of(Map.of(), (a, b) -> true)))
                .isEmpty();
    }

    private static HttpHeaders headers(String name, String value) {
        return HttpHeaders.of(Map.of(name, List.of(value)), (a, b) -> true);
    }
}

package dev.uniwizard.mesh.router.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HouseHealthTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T10:00:00Z"));
    private final HouseHealth health = new HouseHealth(clock, 3, Duration.ofSeconds(10));

    @Test
    void aHouseNeverHeardFromIsUpForTheGracePeriodThenDown() {
        clock.advance(Duration.ofSeconds(30));
        assertThat(health.isUp("ezra")).isTrue();

        clock.advance(Duration.ofSeconds(1));
        HouseHealth.HouseState state = health.state("ezra");
        assertThat(state.up()).isFalse();
        assertThat(state.lastHeartbeat()).isEmpty();
        assertThat(state.describeLastHeartbeat()).isEqualTo("no heartbeat since the router started 31 s ago");
    }

    @Test
    void aHouseIsDownAfterMissingItsOwnIntervalsSeveralTimes() {
        health.heard("ezra", "ezra-1", Duration.ofSeconds(5), true);

        clock.advance(Duration.ofSeconds(15));
        assertThat(health.isUp("ezra")).as("3 x 5 s: just within").isTrue();

        clock.advance(Duration.ofSeconds(105));
        HouseHealth.HouseState state = health.state("ezra");
        assertThat(state.up()).isFalse();
        assertThat(state.describeLastHeartbeat()).isEqualTo("last heartbeat 2 min ago");

        health.heard("ezra", "ezra-1", Duration.ofSeconds(5), true);
        assertThat(health.isUp("ezra")).isTrue();
    }

    @Test
    void aHouseReportingDownIsDownWhileAnotherInstanceUpKeepsItUp() {
        health.heard("bezalel", "bezalel-1", Duration.ofSeconds(5), false);
        assertThat(health.state("bezalel").up()).isFalse();
        assertThat(health.state("bezalel").describeLastHeartbeat())
                .isEqualTo("it reports DOWN; last heartbeat 0 s ago");

        health.heard("bezalel", "bezalel-2", Duration.ofSeconds(5), true);
        assertThat(health.isUp("bezalel")).isTrue();

        clock.advance(Duration.ofSeconds(16));
        health.heard("bezalel", "bezalel-1", Duration.ofSeconds(5), false);
        assertThat(health.isUp("bezalel")).as("bezalel-2 went quiet").isFalse();
    }

    @Test
    void aMissingIntervalCountsAsTheDefault() {
        health.heard("timmy", "timmy-1", Duration.ZERO, true);
        clock.advance(Duration.ofSeconds(30));
        assertThat(health.isUp("timmy")).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(health.isUp("timmy")).isFalse();
    }

    @Test
    void agesReadLikePeopleSayThem() {
        assertThat(Ages.describe(Duration.ofSeconds(59))).isEqualTo("59 s");
        assertThat(Ages.describe(Duration.ofMinutes(59))).isEqualTo("59 min");
        assertThat(Ages.describe(Duration.ofHours(47))).isEqualTo("47 h");
        assertThat(Ages.describe(Duration.ofDays(3))).isEqualTo("3 days");
        assertThat(Ages.describe(Duration.ofSeconds(-5))).isEqualTo("0 s");
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> new HouseHealth(clock, 0, Duration.ofSeconds(10)))
                .hasMessage("router.health.missed-heartbeats must be at least 1, got 0");
        assertThatThrownBy(() -> new HouseHealth(clock, 3, Duration.ZERO))
                .hasMessage("router.health.default-interval must be positive, got PT0S");
    }
}

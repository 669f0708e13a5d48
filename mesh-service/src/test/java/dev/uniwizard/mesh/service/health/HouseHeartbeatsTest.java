package dev.uniwizard.mesh.service.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.uniwizard.mesh.testkit.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HouseHeartbeatsTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T10:00:00Z"));
    private final HouseHeartbeats heartbeats = new HouseHeartbeats(clock, 3, Duration.ofSeconds(10), "router");

    @Test
    void aHouseNeverHeardFromIsUpForTheGracePeriodThenDown() {
        clock.advance(Duration.ofSeconds(30));
        assertThat(heartbeats.isUp("ezra")).isTrue();

        clock.advance(Duration.ofSeconds(1));
        HouseState state = heartbeats.state("ezra");
        assertThat(state.up()).isFalse();
        assertThat(state.lastHeartbeat()).isEmpty();
        assertThat(state.describeLastHeartbeat()).isEqualTo("no heartbeat since the router started 31 s ago");
    }

    @Test
    void aHouseIsDownAfterMissingItsOwnIntervalsSeveralTimes() {
        heartbeats.heard("ezra", "ezra-1", Duration.ofSeconds(5), true);

        clock.advance(Duration.ofSeconds(15));
        assertThat(heartbeats.isUp("ezra")).as("3 x 5 s: just within").isTrue();

        clock.advance(Duration.ofSeconds(105));
        HouseState state = heartbeats.state("ezra");
        assertThat(state.up()).isFalse();
        assertThat(state.describeLastHeartbeat()).isEqualTo("last heartbeat 2 min ago");

        heartbeats.heard("ezra", "ezra-1", Duration.ofSeconds(5), true);
        assertThat(heartbeats.isUp("ezra")).isTrue();
    }

    @Test
    void aHouseReportingDownIsDownWhileAnotherInstanceUpKeepsItUp() {
        heartbeats.heard("bezalel", "bezalel-1", Duration.ofSeconds(5), false);
        assertThat(heartbeats.state("bezalel").up()).isFalse();
        assertThat(heartbeats.state("bezalel").describeLastHeartbeat())
                .isEqualTo("it reports DOWN; last heartbeat 0 s ago");

        heartbeats.heard("bezalel", "bezalel-2", Duration.ofSeconds(5), true);
        assertThat(heartbeats.isUp("bezalel")).isTrue();

        clock.advance(Duration.ofSeconds(16));
        heartbeats.heard("bezalel", "bezalel-1", Duration.ofSeconds(5), false);
        assertThat(heartbeats.isUp("bezalel")).as("bezalel-2 went quiet").isFalse();
    }

    @Test
    void aMissingIntervalCountsAsTheDefault() {
        heartbeats.heard("timmy", "timmy-1", Duration.ZERO, true);
        clock.advance(Duration.ofSeconds(30));
        assertThat(heartbeats.isUp("timmy")).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(heartbeats.isUp("timmy")).isFalse();
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
        assertThatThrownBy(() -> new HouseHeartbeats(clock, 0, Duration.ofSeconds(10), "router"))
                .hasMessage("mesh.house-liveness.missed-heartbeats must be at least 1, got 0");
        assertThatThrownBy(() -> new HouseHeartbeats(clock, 3, Duration.ZERO, "router"))
                .hasMessage("mesh.house-liveness.default-interval must be positive, got PT0S");
    }

    @Test
    void unwatchedLivenessAnswersOnlyForItsHouses() {
        HouseLiveness liveness = HouseLiveness.unwatched(List.of("Ezra ", "timmy", "ezra"), heartbeats);
        heartbeats.heard("ezra", "ezra-1", Duration.ofSeconds(5), true);

        assertThat(liveness.houses()).containsExactly("ezra", "timmy");
        assertThat(liveness.isUp("ezra")).isTrue();
        assertThat(liveness.describe("ezra")).isEqualTo("last heartbeat 0 s ago");
        assertThatThrownBy(() -> liveness.isUp("gandalf"))
                .hasMessage("house 'gandalf' is not watched: it is not one of mesh.houses [ezra, timmy]");
        assertThatThrownBy(() -> HouseLiveness.unwatched(List.of("ezra", "bad house"), heartbeats))
                .hasMessageStartingWith("mesh.houses: 'bad house' is not a valid house name");
    }
}

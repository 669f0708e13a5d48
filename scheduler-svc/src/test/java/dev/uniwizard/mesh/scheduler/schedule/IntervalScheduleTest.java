package dev.uniwizard.mesh.scheduler.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class IntervalScheduleTest {

    @Test
    void ticksAreMultiplesOfTheIntervalSinceTheEpoch() {
        IntervalSchedule every30 = new IntervalSchedule(30);

        assertThat(every30.nextAfter(Instant.parse("2025-01-01T10:00:07Z")))
                .contains(Instant.parse("2025-01-01T10:00:30Z"));
        assertThat(every30.nextAfter(Instant.parse("2025-01-01T10:00:30Z")))
                .as("strictly after")
                .contains(Instant.parse("2025-01-01T10:01:00Z"));
        assertThat(every30.nextAfter(Instant.parse("2025-01-01T10:00:30.001Z")))
                .contains(Instant.parse("2025-01-01T10:01:00Z"));
        assertThat(every30.nextAfter(Instant.parse("2025-01-01T10:00:29.999Z")))
                .contains(Instant.parse("2025-01-01T10:00:30Z"));
    }

    @Test
    void everySecondTicksOnWholeSeconds() {
        IntervalSchedule everySecond = new IntervalSchedule(1);

        assertThat(everySecond.nextAfter(Instant.parse("2025-01-01T10:00:00.400Z")))
                .contains(Instant.parse("2025-01-01T10:00:01Z"));
        assertThat(everySecond.nextAfter(Instant.parse("2025-01-01T10:00:01Z")))
                .contains(Instant.parse("2025-01-01T10:00:02Z"));
    }

    @Test
    void intervalsThatDoNotDivideADayStillAlignToTheEpoch() {
        IntervalSchedule every7 = new IntervalSchedule(7);
        Instant tick = every7.nextAfter(Instant.parse("2025-06-01T00:00:00Z")).orElseThrow();

        assertThat(tick.getEpochSecond() % 7).isZero();
        assertThat(every7.nextAfter(tick)).contains(tick.plusSeconds(7));
        assertThat(every7.nextAfter(Instant.EPOCH.minusSeconds(3))).contains(Instant.EPOCH);
    }

    @Test
    void describeUsesSecondsAndALargerUnitWhenExact() {
        assertThat(new IntervalSchedule(30).describe()).isEqualTo("every 30 s");
        assertThat(new IntervalSchedule(90).describe()).isEqualTo("every 90 s");
        assertThat(new IntervalSchedule(300).describe()).isEqualTo("every 300 s (5 min)");
        assertThat(new IntervalSchedule(7200).describe()).isEqualTo("every 7200 s (2 h)");
        assertThat(new IntervalSchedule(86_400).describe()).isEqualTo("every 86400 s (1 d)");
    }
}

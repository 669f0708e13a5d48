package dev.uniwizard.mesh.scheduler.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cron ticks around daylight-saving transitions, as exact instants (Vixie cron's rules, see {@link CronSchedule}).
 *
 * <p>Europe/Berlin 2025: clocks go forward on 30 March at 01:00 UTC (02:00 CET → 03:00 CEST) and back on 26 October
 * at 01:00 UTC (03:00 CEST → 02:00 CET). America/New_York 2025: forward on 9 March at 07:00 UTC (02:00 EST → 03:00
 * EDT), back on 2 November at 06:00 UTC (02:00 EDT → 01:00 EST).
 */
class CronDaylightSavingTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void berlinSpringForwardDailyJobInTheSkippedHourFiresOnceRightAfterTheJump() throws Exception {
        assertThat(ticks("30 2 * * *", BERLIN, "2025-03-28T12:00:00Z", 4))
                .containsExactly(
                        "2025-03-29T01:30:00Z", // 02:30 CET
                        "2025-03-30T01:00:00Z", // 02:30 does not exist: 03:00 CEST, the instant of the jump
                        "2025-03-31T00:30:00Z", // 02:30 CEST
                        "2025-04-01T00:30:00Z");
    }

    @Test
    void berlinFallBackDailyJobInTheRepeatedHourFiresOnlyInTheFirstPass() throws Exception {
        assertThat(ticks("30 2 * * *", BERLIN, "2025-10-25T12:00:00Z", 3))
                .containsExactly(
                        "2025-10-26T00:30:00Z", // 02:30 CEST; not again at 02:30 CET (01:30 UTC)
                        "2025-10-27T01:30:00Z", // 02:30 CET
                        "2025-10-28T01:30:00Z");
    }

    @Test
    void berlinHourlyJobFiresEveryRealHourAcrossBothTransitions() throws Exception {
        assertThat(ticks("0 * * * *", BERLIN, "2025-03-29T23:30:00Z", 3))
                .as("01:00 CET, then 03:00 CEST: the skipped 02:00 is not made up")
                .containsExactly("2025-03-30T00:00:00Z", "2025-03-30T01:00:00Z", "2025-03-30T02:00:00Z");
        assertThat(ticks("0 * * * *", BERLIN, "2025-10-25T22:30:00Z", 4))
                .as("01:00 CEST, 02:00 CEST, 02:00 CET, 03:00 CET")
                .containsExactly(
                        "2025-10-25T23:00:00Z", "2025-10-26T00:00:00Z", "2025-10-26T01:00:00Z", "2025-10-26T02:00:00Z");
    }

    @Test
    void newYorkSpringForwardDailyJobInTheSkippedHourFiresOnceRightAfterTheJump() throws Exception {
        assertThat(ticks("30 2 * * *", NEW_YORK, "2025-03-08T00:00:00Z", 3))
                .containsExactly(
                        "2025-03-08T07:30:00Z", // 02:30 EST
                        "2025-03-09T07:00:00Z", // 02:30 does not exist: 03:00 EDT
                        "2025-03-10T06:30:00Z"); // 02:30 EDT
    }

    @Test
    void newYorkFallBackDailyJobInTheRepeatedHourFiresOnlyInTheFirstPass() throws Exception {
        assertThat(ticks("30 1 * * *", NEW_YORK, "2025-11-01T12:00:00Z", 2))
                .containsExactly(
                        "2025-11-02T05:30:00Z", // 01:30 EDT; not again at 01:30 EST (06:30 UTC)
                        "2025-11-03T06:30:00Z"); // 01:30 EST
    }

    @Test
    void newYorkHourlyJobFiresEveryRealHourAcrossBothTransitions() throws Exception {
        assertThat(ticks("0 * * * *", NEW_YORK, "2025-03-09T05:30:00Z", 3))
                .containsExactly("2025-03-09T06:00:00Z", "2025-03-09T07:00:00Z", "2025-03-09T08:00:00Z");
        assertThat(ticks("0 * * * *", NEW_YORK, "2025-11-02T03:30:00Z", 4))
                .as("00:00 EDT, 01:00 EDT, 01:00 EST, 02:00 EST")
                .containsExactly(
                        "2025-11-02T04:00:00Z", "2025-11-02T05:00:00Z", "2025-11-02T06:00:00Z", "2025-11-02T07:00:00Z");
    }

    @Test
    void minuteWildcardsRunThroughTheRepeatedHourAndSkipTheMissingOne() throws Exception {
        assertThat(ticks("*/30 * * * *", BERLIN, "2025-10-25T23:45:00Z", 5))
                .containsExactly(
                        "2025-10-26T00:00:00Z",
                        "2025-10-26T00:30:00Z",
                        "2025-10-26T01:00:00Z",
                        "2025-10-26T01:30:00Z",
                        "2025-10-26T02:00:00Z");
        assertThat(ticks("*/20 2 * * *", BERLIN, "2025-03-29T12:00:00Z", 2))
                .as("a wildcard job whose only hour is skipped does not fire that day")
                .containsExactly("2025-03-31T00:00:00Z", "2025-03-31T00:20:00Z");
        assertThat(ticks("*/20 2 * * *", BERLIN, "2025-10-26T00:30:00Z", 5))
                .as("and fires in both passes of a repeated hour")
                .containsExactly(
                        "2025-10-26T00:40:00Z",
                        "2025-10-26T01:00:00Z",
                        "2025-10-26T01:20:00Z",
                        "2025-10-26T01:40:00Z",
                        "2025-10-27T01:00:00Z");
    }

    @Test
    void severalSkippedTimesAndARegularTickAtTheJumpMakeOneFiring() throws Exception {
        assertThat(ticks("0,15,30,45 2,3 * * *", BERLIN, "2025-03-30T00:50:00Z", 4))
                .containsExactly(
                        "2025-03-30T01:00:00Z", // 02:00-02:45 and 03:00 CEST, once
                        "2025-03-30T01:15:00Z",
                        "2025-03-30T01:30:00Z",
                        "2025-03-30T01:45:00Z");
    }

    @Test
    void theTickAtTheJumpIsStrictlyAfterItsOwnInstant() throws Exception {
        CronSchedule daily = CronSchedule.of("30 2 * * *", BERLIN);

        assertThat(daily.nextAfter(Instant.parse("2025-03-30T00:59:59Z")))
                .contains(Instant.parse("2025-03-30T01:00:00Z"));
        assertThat(daily.nextAfter(Instant.parse("2025-03-30T01:00:00Z")))
                .contains(Instant.parse("2025-03-31T00:30:00Z"));
        assertThat(daily.nextAfter(Instant.parse("2025-10-26T00:30:00Z")))
                .as("after the first pass the next is the next day, not the second pass")
                .contains(Instant.parse("2025-10-27T01:30:00Z"));
        assertThat(daily.nextAfter(Instant.parse("2025-10-26T01:15:00Z")))
                .as("from inside the second pass")
                .contains(Instant.parse("2025-10-27T01:30:00Z"));
    }

    @Test
    void jobsOutsideTheTransitionHoursKeepTheirLocalTime() throws Exception {
        assertThat(ticks("0 9 * * MON-FRI", BERLIN, "2025-03-27T12:00:00Z", 3))
                .containsExactly(
                        "2025-03-28T08:00:00Z", // Friday 09:00 CET
                        "2025-03-31T07:00:00Z", // Monday 09:00 CEST
                        "2025-04-01T07:00:00Z");
        assertThat(ticks("0 0 3 * * *", BERLIN, "2025-03-29T12:00:00Z", 2))
                .as("6 fields: 03:00 is the first valid time on the spring-forward day")
                .containsExactly("2025-03-30T01:00:00Z", "2025-03-31T01:00:00Z");
    }

    @Test
    void aJumpAtMidnightDoesNotLoseTheDay() throws Exception {
        ZoneId cairo = ZoneId.of("Africa/Cairo"); // 2025-04-25 00:00 EET → 01:00 EEST (2025-04-24T22:00Z)
        assertThat(ticks("0 0 * * *", cairo, "2025-04-23T12:00:00Z", 3))
                .containsExactly("2025-04-23T22:00:00Z", "2025-04-24T22:00:00Z", "2025-04-25T21:00:00Z");
        assertThat(ticks("0 */2 * * *", cairo, "2025-04-24T19:30:00Z", 3))
                .containsExactly("2025-04-24T20:00:00Z", "2025-04-24T23:00:00Z", "2025-04-25T01:00:00Z");
    }

    @Test
    void halfHourTransitionsAreHandledLikeWholeHours() throws Exception {
        ZoneId lordHowe = ZoneId.of("Australia/Lord_Howe"); // 2025-10-05 02:00 +10:30 → 02:30 +11:00 (04T15:30Z)
        assertThat(ticks("15 2 * * *", lordHowe, "2025-10-03T00:00:00Z", 3))
                .containsExactly(
                        "2025-10-03T15:45:00Z", // 4 Oct 02:15 +10:30
                        "2025-10-04T15:30:00Z", // 5 Oct 02:15 does not exist: 02:30 +11:00
                        "2025-10-05T15:15:00Z"); // 6 Oct 02:15 +11:00
    }

    private static List<String> ticks(String cron, ZoneId zone, String from, int count) throws ScheduleException {
        CronSchedule schedule = CronSchedule.of(cron, zone);
        List<String> ticks = new ArrayList<>();
        Instant after = Instant.parse(from);
        for (int i = 0; i < count; i++) {
            after = schedule.nextAfter(after).orElseThrow();
            ticks.add(after.toString());
        }
        return ticks;
    }
}

package dev.uniwizard.mesh.scheduler.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CronParserTest {

    @Test
    void fieldCountIsCheckedWithTheExpectedShape() {
        assertError("0 9 * *")
                .isEqualTo("expected 5 fields (minute hour day-of-month month day-of-week) or 6 (with seconds "
                        + "first), got 4");
        assertError("0 0 9 * * ? 2025").endsWith("got 7 (a year field is not supported)");
        assertError("   ").startsWith("the cron expression is empty: expected 5 fields");
        assertError(null).startsWith("the cron expression is empty");
    }

    @Test
    void outOfRangeValuesNameTheFieldAndItsRange() {
        assertError("0 25 * * *").isEqualTo("the hour field '25' is out of range 0-23");
        assertError("60 * * * *").isEqualTo("the minute field '60' is out of range 0-59");
        assertError("61 0 * * * *").isEqualTo("the second field '61' is out of range 0-59");
        assertError("0 0 0 * *").isEqualTo("the day-of-month field '0' is out of range 1-31");
        assertError("0 0 32 * *").isEqualTo("the day-of-month field '32' is out of range 1-31");
        assertError("0 0 * 13 *").isEqualTo("the month field '13' is out of range 1-12 (names JAN-DEC also work)");
        assertError("0 0 * * 8")
                .isEqualTo("the day-of-week field '8' is out of range 0-7 (0 and 7 are Sunday; names SUN-SAT also "
                        + "work)");
        assertError("0 1,25 * * *").isEqualTo("the hour field '1,25': '25' is out of range 0-23");
        assertError("0 20-24 * * *").isEqualTo("the hour field '20-24': '24' is out of range 0-23");
        assertError("0 99999999999 * * *").isEqualTo("the hour field '99999999999' is out of range 0-23");
    }

    @Test
    void unknownNamesAndQuartzExtensionsAreExplained() {
        assertError("0 9 * * FUNDAY")
                .isEqualTo("the day-of-week field 'FUNDAY' is not a number 0-7 or a day name (SUN, MON, TUE, WED, "
                        + "THU, FRI, SAT)");
        assertError("0 9 * JANUARY *")
                .isEqualTo("the month field 'JANUARY' is not a number 1-12 or a month name (JAN, FEB, MAR, APR, "
                        + "MAY, JUN, JUL, AUG, SEP, OCT, NOV, DEC)");
        assertError("0 MON * * *").isEqualTo("the hour field 'MON' is not a number 0-23");
        assertError("0 9 L * *")
                .isEqualTo("the day-of-month field 'L' is not a number 1-31 (the Quartz extensions L, W and # are "
                        + "not supported)");
        assertError("0 9 * * 5#3").contains("the day-of-week field '5#3'").contains("Quartz extensions");
        assertError("0 9 15W * *").contains("the day-of-month field '15W'").contains("Quartz extensions");
    }

    @Test
    void malformedListsRangesAndStepsAreExplained() {
        assertError("0 1,,2 * * *").isEqualTo("the hour field '1,,2' has an empty list element (check the commas)");
        assertError("0 1, * * *").isEqualTo("the hour field '1,' has an empty list element (check the commas)");
        assertError("*/0 * * * *").isEqualTo("the minute field '*/0' has the step 0: a step must be 1 to 59");
        assertError("*/90 * * * *")
                .isEqualTo("the minute field '*/90' has the step 90: a step must be 1 to 59 (steps do not carry over "
                        + "into the next hour; for every 90 minutes use everySeconds: 5400)");
        assertError("0 */36 * * *").endsWith("for every 36 hours use everySeconds: 129600)");
        assertError("0 0 * */13 *").isEqualTo("the month field '*/13' has the step 13: a step must be 1 to 12");
        assertError("0 0 1/99999999999 * *").contains("has the step 99999999999: a step must be 1 to 31");
        assertError("*/x * * * *").isEqualTo("the minute field '*/x' has the step 'x', which is not a number");
        assertError("*/ * * * *").isEqualTo("the minute field '*/' has no step after '/': write e.g. */15");
        assertError("/5 * * * *").isEqualTo("the minute field '/5' has no range before the step: write */5 or a-b/5");
        assertError("0 22-2 * * *")
                .isEqualTo("the hour field '22-2' is a range whose start 22 is after its end 2 (ranges do not wrap "
                        + "around: write 22-23,0-2)");
        assertError("0 1- * * *").isEqualTo("the hour field '1-' has a range with a missing end (write a-b)");
        assertError("0 1-*/2 * * *").isEqualTo("the hour field '1-*/2' uses '*' inside a range: write * alone or a-b");
        assertError("0 ? * * *")
                .isEqualTo("the hour field '?' uses '?', which is only allowed in day-of-month and day-of-week");
        assertError("0 0 ?/2 * *").isEqualTo("the day-of-month field '?/2' puts a step on '?': write */2 instead");
    }

    @Test
    void shortcutsAreExpandedAndUnknownOnesRejected() throws Exception {
        assertThat(next("@daily", "2025-01-01T10:00:00Z")).isEqualTo("2025-01-02T00:00:00Z");
        assertThat(next("@midnight", "2025-01-01T10:00:00Z")).isEqualTo("2025-01-02T00:00:00Z");
        assertThat(next("@hourly", "2025-01-01T10:00:00Z")).isEqualTo("2025-01-01T11:00:00Z");
        assertThat(next("@weekly", "2025-01-01T10:00:00Z")).isEqualTo("2025-01-05T00:00:00Z"); // Sunday
        assertThat(next("@monthly", "2025-01-01T10:00:00Z")).isEqualTo("2025-02-01T00:00:00Z");
        assertThat(next("@YEARLY", "2025-01-01T10:00:00Z")).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(next("@annually", "2025-01-01T10:00:00Z")).isEqualTo("2026-01-01T00:00:00Z");
        assertError("@reboot").startsWith("unknown shortcut '@reboot': use @yearly");
    }

    @Test
    void namesAreCaseInsensitiveAndWorkInListsRangesAndSteps() throws Exception {
        // 2025-01-01 is a Wednesday
        assertThat(ticks("0 9 * * mon-fri", "2025-01-03T10:00:00Z", 2))
                .containsExactly("2025-01-06T09:00:00Z", "2025-01-07T09:00:00Z");
        assertThat(ticks("0 9 * * SAT,Sun", "2025-01-01T00:00:00Z", 2))
                .containsExactly("2025-01-04T09:00:00Z", "2025-01-05T09:00:00Z");
        assertThat(ticks("0 9 * * FRI-SUN", "2025-01-01T00:00:00Z", 4))
                .as("a range may end on Sunday")
                .containsExactly(
                        "2025-01-03T09:00:00Z", "2025-01-04T09:00:00Z", "2025-01-05T09:00:00Z", "2025-01-10T09:00:00Z");
        assertThat(ticks("0 0 1 JAN-DEC/3 *", "2025-01-01T00:00:00Z", 4))
                .containsExactly(
                        "2025-04-01T00:00:00Z", "2025-07-01T00:00:00Z", "2025-10-01T00:00:00Z", "2026-01-01T00:00:00Z");
        assertThat(ticks("0 0 1 feb,Aug *", "2025-01-01T00:00:00Z", 2))
                .containsExactly("2025-02-01T00:00:00Z", "2025-08-01T00:00:00Z");
    }

    @Test
    void sundayIsZeroOrSeven() throws Exception {
        assertThat(next("0 0 * * 0", "2025-01-01T00:00:00Z")).isEqualTo("2025-01-05T00:00:00Z");
        assertThat(next("0 0 * * 7", "2025-01-01T00:00:00Z")).isEqualTo("2025-01-05T00:00:00Z");
        assertThat(ticks("0 0 * * 5-7", "2025-01-01T00:00:00Z", 3))
                .containsExactly("2025-01-03T00:00:00Z", "2025-01-04T00:00:00Z", "2025-01-05T00:00:00Z");
    }

    @Test
    void stepsCountFromTheStartOfTheirRange() throws Exception {
        assertThat(ticks("*/15 * * * *", "2025-01-01T00:07:00Z", 4))
                .containsExactly(
                        "2025-01-01T00:15:00Z", "2025-01-01T00:30:00Z", "2025-01-01T00:45:00Z", "2025-01-01T01:00:00Z");
        assertThat(ticks("5/20 * * * *", "2025-01-01T00:00:00Z", 4))
                .as("a/step runs from a to the end of the field")
                .containsExactly(
                        "2025-01-01T00:05:00Z", "2025-01-01T00:25:00Z", "2025-01-01T00:45:00Z", "2025-01-01T01:05:00Z");
        assertThat(ticks("0 9-17/4 * * *", "2025-01-01T00:00:00Z", 4))
                .containsExactly(
                        "2025-01-01T09:00:00Z", "2025-01-01T13:00:00Z", "2025-01-01T17:00:00Z", "2025-01-02T09:00:00Z");
        assertThat(ticks("0 0 */10 * *", "2025-01-01T00:00:00Z", 4))
                .containsExactly(
                        "2025-01-11T00:00:00Z", "2025-01-21T00:00:00Z", "2025-01-31T00:00:00Z", "2025-02-01T00:00:00Z");
        assertThat(ticks("0 0 0 * * */2", "2025-01-01T00:00:00Z", 3))
                .as("days of the week 0,2,4,6")
                .containsExactly("2025-01-02T00:00:00Z", "2025-01-04T00:00:00Z", "2025-01-05T00:00:00Z");
    }

    @Test
    void sixFieldsPutSecondsFirst() throws Exception {
        assertThat(ticks("*/20 * * * * *", "2025-01-01T00:00:00Z", 3))
                .containsExactly("2025-01-01T00:00:20Z", "2025-01-01T00:00:40Z", "2025-01-01T00:01:00Z");
        assertThat(ticks("30 15 10 * * ?", "2025-01-01T00:00:00Z", 2))
                .containsExactly("2025-01-01T10:15:30Z", "2025-01-02T10:15:30Z");
        assertThat(ticks("* * * * * *", "2025-01-01T00:00:00.500Z", 2))
                .containsExactly("2025-01-01T00:00:01Z", "2025-01-01T00:00:02Z");
    }

    @Test
    void dayOfMonthAndDayOfWeekFollowUnixCron() throws Exception {
        // both restricted: either matches (1st and 15th, plus every Friday)
        assertThat(ticks("30 4 1,15 * 5", "2025-01-01T05:00:00Z", 5))
                .containsExactly(
                        "2025-01-03T04:30:00Z", // Fri
                        "2025-01-10T04:30:00Z", // Fri
                        "2025-01-15T04:30:00Z", // 15th (Wed)
                        "2025-01-17T04:30:00Z", // Fri
                        "2025-01-24T04:30:00Z");
        // day-of-month '*' or '?': only the day of the week counts, and vice versa
        assertThat(next("0 0 ? * MON", "2025-01-01T00:00:00Z")).isEqualTo("2025-01-06T00:00:00Z");
        assertThat(next("0 0 13 * ?", "2025-01-01T00:00:00Z")).isEqualTo("2025-01-13T00:00:00Z");
        // a field starting with '*' counts as unrestricted for this rule (Vixie): odd days that are Mondays
        assertThat(ticks("0 0 */2 * MON", "2025-01-01T00:00:00Z", 2))
                .containsExactly("2025-01-13T00:00:00Z", "2025-01-27T00:00:00Z");
    }

    @Test
    void rareDatesAreFoundAndImpossibleOnesRejected() throws Exception {
        assertThat(next("0 0 29 2 *", "2025-01-01T00:00:00Z")).isEqualTo("2028-02-29T00:00:00Z");
        assertThat(next("0 0 31 * *", "2025-04-01T00:00:00Z")).isEqualTo("2025-05-31T00:00:00Z");
        assertThat(next("0 0 1 1 *", "2025-12-31T23:59:59.999Z")).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(next("0 0 29 2 MON", "2025-01-01T00:00:00Z"))
                .as("either Feb 29 or a Monday in February")
                .isEqualTo("2025-02-03T00:00:00Z");
        assertError("0 0 30 2 *").isEqualTo("'0 0 30 2 *' never fires: no date has day-of-month '30' in month '2'");
        assertError("0 0 0 31 APR,JUN ?")
                .isEqualTo("'0 0 0 31 APR,JUN ?' never fires: no date has day-of-month '31' in month 'APR,JUN'");
    }

    @Test
    void describeQuotesTheExpressionAndZone() throws Exception {
        assertThat(CronSchedule.of("  0 9 * * MON-FRI ", java.time.ZoneId.of("Europe/Berlin"))
                        .describe())
                .isEqualTo("cron \"0 9 * * MON-FRI\" in Europe/Berlin");
    }

    private static org.assertj.core.api.AbstractStringAssert<?> assertError(String cron) {
        try {
            CronSchedule.of(cron, ZoneOffset.UTC);
        } catch (ScheduleException e) {
            assertThat(e.field()).isEqualTo("schedule.cron");
            return assertThat(e.getMessage());
        }
        throw new AssertionError("'" + cron + "' was accepted");
    }

    static String next(String cron, String after) throws ScheduleException {
        return CronSchedule.of(cron, ZoneOffset.UTC)
                .nextAfter(Instant.parse(after))
                .orElseThrow()
                .toString();
    }

    static List<String> ticks(String cron, String after, int count) throws ScheduleException {
        CronSchedule schedule = CronSchedule.of(cron, ZoneOffset.UTC);
        List<String> ticks = new ArrayList<>();
        Instant at = Instant.parse(after);
        for (int i = 0; i < count; i++) {
            at = schedule.nextAfter(at).orElseThrow();
            ticks.add(at.toString());
        }
        return ticks;
    }
}

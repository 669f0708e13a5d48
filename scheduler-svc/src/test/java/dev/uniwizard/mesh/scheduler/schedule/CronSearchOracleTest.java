package dev.uniwizard.mesh.scheduler.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Compares the cron search with a naive one: random value sets are written as cron lists, and the next ticks are
 * checked against a day-by-day scan of those sets (UTC, so no daylight saving).
 */
class CronSearchOracleTest {

    private static final int EXPRESSIONS = 400;

    @Test
    void randomExpressionsAgreeWithANaiveScan() throws Exception {
        Random random = new Random(20250330L);
        int compared = 0;
        for (int n = 0; n < EXPRESSIONS; n++) {
            TreeSet<Integer> minutes = pick(random, 0, 59, 4);
            TreeSet<Integer> hours = pick(random, 0, 23, 4);
            boolean domStar = random.nextInt(3) == 0;
            boolean dowStar = random.nextInt(3) == 0;
            TreeSet<Integer> doms = domStar ? range(1, 31) : pick(random, 1, 31, 5);
            TreeSet<Integer> months = random.nextInt(3) == 0 ? range(1, 12) : pick(random, 1, 12, 4);
            TreeSet<Integer> dows = dowStar ? range(0, 6) : pick(random, 0, 6, 3);
            String cron = String.join(
                    " ",
                    list(minutes),
                    list(hours),
                    domStar ? "*" : list(doms),
                    random.nextBoolean() && months.size() == 12 ? "*" : list(months),
                    dowStar ? "?" : list(dows));
            LocalDateTime start = LocalDateTime.of(2024, 1, 1, 0, 0)
                    .plusMinutes(random.nextInt(60 * 24 * 800))
                    .plusSeconds(random.nextInt(60));
            LocalDateTime expected = naiveNext(start, minutes, hours, doms, months, dows, domStar, dowStar);
            CronSchedule schedule;
            try {
                schedule = CronSchedule.of(cron, ZoneOffset.UTC);
            } catch (ScheduleException e) {
                assertThat(expected)
                        .as(cron + " was rejected: " + e.getMessage())
                        .isNull();
                continue;
            }
            Instant actual = schedule.nextAfter(start.toInstant(ZoneOffset.UTC)).orElseThrow();
            assertThat(actual).as(cron + " after " + start).isEqualTo(expected.toInstant(ZoneOffset.UTC));
            compared++;
        }
        assertThat(compared).isGreaterThan(EXPRESSIONS * 9 / 10);
    }

    private static LocalDateTime naiveNext(
            LocalDateTime after,
            TreeSet<Integer> minutes,
            TreeSet<Integer> hours,
            TreeSet<Integer> doms,
            TreeSet<Integer> months,
            TreeSet<Integer> dows,
            boolean domStar,
            boolean dowStar) {
        for (LocalDate day = after.toLocalDate();
                day.isBefore(after.toLocalDate().plusYears(30));
                day = day.plusDays(1)) {
            boolean dom = doms.contains(day.getDayOfMonth());
            boolean dow = dows.contains(day.getDayOfWeek().getValue() % 7);
            boolean dayOk = domStar || dowStar ? dom && dow : dom || dow;
            if (!months.contains(day.getMonthValue()) || !dayOk) {
                continue;
            }
            for (int hour : hours) {
                for (int minute : minutes) {
                    LocalDateTime candidate = day.atTime(hour, minute);
                    if (candidate.isAfter(after)) {
                        return candidate;
                    }
                }
            }
        }
        return null;
    }

    private static TreeSet<Integer> pick(Random random, int min, int max, int most) {
        TreeSet<Integer> values = new TreeSet<>();
        int count = 1 + random.nextInt(most);
        while (values.size() < count) {
            values.add(min + random.nextInt(max - min + 1));
        }
        return values;
    }

    private static TreeSet<Integer> range(int min, int max) {
        TreeSet<Integer> values = new TreeSet<>();
        for (int i = min; i <= max; i++) {
            values.add(i);
        }
        return values;
    }

    /** Writes a set as a cron list, using ranges for runs so that both syntaxes are exercised. */
    private static String list(TreeSet<Integer> values) {
        List<String> parts = new ArrayList<>();
        List<Integer> sorted = new ArrayList<>(values);
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            while (j + 1 < sorted.size() && sorted.get(j + 1) == sorted.get(j) + 1) {
                j++;
            }
            parts.add(j > i ? sorted.get(i) + "-" + sorted.get(j) : String.valueOf(sorted.get(i)));
            i = j + 1;
        }
        return parts.stream().collect(Collectors.joining(","));
    }
}

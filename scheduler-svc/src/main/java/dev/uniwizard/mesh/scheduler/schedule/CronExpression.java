package dev.uniwizard.mesh.scheduler.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * A parsed cron expression as sets of allowed values, and the zone-free search for the next matching local date-time.
 * Days follow Vixie cron: when both day-of-month and day-of-week are restricted (neither starts with {@code *} or
 * {@code ?}), a day matches if EITHER matches; otherwise both must (which, for a field that is {@code *}, is every
 * day).
 *
 * @param text the expression as written (trimmed)
 * @param seconds bit i set when second i matches; 5-field expressions have only bit 0
 * @param minutes minutes 0-59
 * @param hours hours 0-23
 * @param daysOfMonth bits 1-31
 * @param months bits 1-12
 * @param daysOfWeek bits 0-6, 0 = Sunday (7 is folded into 0)
 * @param domStar the day-of-month field starts with {@code *} or {@code ?}
 * @param dowStar the day-of-week field starts with {@code *} or {@code ?}
 * @param wildcardTime the second, minute or hour field starts with {@code *}: a "wildcard job" in the sense of Vixie
 *     cron's daylight-saving rules (see {@link CronSchedule})
 */
record CronExpression(
        String text,
        long seconds,
        long minutes,
        long hours,
        long daysOfMonth,
        long months,
        long daysOfWeek,
        boolean domStar,
        boolean dowStar,
        boolean wildcardTime) {

    /** How far ahead the search looks: the Gregorian calendar repeats every 400 years. */
    static final int SEARCH_YEARS = 401;

    /**
     * The first local date-time at or after {@code start} (whole seconds) that matches, or null when none does within
     * {@link #SEARCH_YEARS} years (the expression never matches, or the year limit of {@link LocalDate} is reached).
     */
    LocalDateTime nextMatch(LocalDateTime start) {
        LocalDate date = start.toLocalDate();
        int hour = start.getHour();
        int minute = start.getMinute();
        int second = start.getSecond();
        long lastYear = (long) start.getYear() + SEARCH_YEARS;
        while (date.getYear() <= lastYear) {
            int month = date.getMonthValue();
            if (!has(months, month)) {
                int nextMonth = nextBit(months, month + 1, 12);
                if (date.getYear() >= LocalDate.MAX.getYear()) {
                    return null;
                }
                date = nextMonth < 0
                        ? LocalDate.of(date.getYear() + 1, nextBit(months, 1, 12), 1)
                        : LocalDate.of(date.getYear(), nextMonth, 1);
                hour = minute = second = 0;
                continue;
            }
            if (dayMatches(date)) {
                LocalTime time = nextTimeInDay(hour, minute, second);
                if (time != null) {
                    return date.atTime(time);
                }
            }
            if (date.equals(LocalDate.MAX)) {
                return null;
            }
            date = date.plusDays(1);
            hour = minute = second = 0;
        }
        return null;
    }

    /** True when some local date-time in {@code [from, until)} matches. */
    boolean matchesWithin(LocalDateTime from, LocalDateTime until) {
        LocalDateTime match = nextMatch(from);
        return match != null && match.isBefore(until);
    }

    boolean dayMatches(LocalDate date) {
        boolean dom = has(daysOfMonth, date.getDayOfMonth());
        boolean dow = has(daysOfWeek, cronDayOfWeek(date.getDayOfWeek()));
        return domStar || dowStar ? dom && dow : dom || dow;
    }

    private LocalTime nextTimeInDay(int fromHour, int fromMinute, int fromSecond) {
        for (int h = nextBit(hours, fromHour, 23); h >= 0; h = nextBit(hours, h + 1, 23)) {
            int minuteStart = h == fromHour ? fromMinute : 0;
            for (int m = nextBit(minutes, minuteStart, 59); m >= 0; m = nextBit(minutes, m + 1, 59)) {
                int secondStart = h == fromHour && m == fromMinute ? fromSecond : 0;
                int s = nextBit(seconds, secondStart, 59);
                if (s >= 0) {
                    return LocalTime.of(h, m, s);
                }
            }
        }
        return null;
    }

    static int cronDayOfWeek(DayOfWeek day) {
        return day.getValue() % 7;
    }

    static boolean has(long bits, int value) {
        return (bits & (1L << value)) != 0;
    }

    /** The lowest set bit in {@code [from, max]}, or -1. */
    static int nextBit(long bits, int from, int max) {
        if (from > max) {
            return -1;
        }
        long candidates = bits & (-1L << from);
        if (candidates == 0) {
            return -1;
        }
        int bit = Long.numberOfTrailingZeros(candidates);
        return bit <= max ? bit : -1;
    }
}

package dev.uniwizard.mesh.scheduler.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Objects;
import java.util.Optional;

/**
 * A cron expression read in a time zone (see {@link CronParser} for the syntax).
 *
 * <p><b>Daylight saving time</b> follows Vixie cron (the cron of most Linux systems), which distinguishes jobs that
 * run at a particular time from "wildcard" jobs whose second, minute or hour field starts with {@code *}:
 *
 * <ul>
 *   <li>Clocks go forward (e.g. Europe/Berlin 02:00 → 03:00): a particular-time job whose time falls in the skipped
 *       hour fires once, right after the jump, at the transition instant (03:00 local), so {@code 30 2 * * *} does not
 *       lose a day; several skipped times of one job make one firing. Wildcard jobs do not make up the skipped hour:
 *       {@code 0 * * * *} fires at 01:00 and then 03:00 local, one real hour apart.
 *   <li>Clocks go back (e.g. Europe/Berlin 03:00 → 02:00, 02:00-02:59 happen twice): a particular-time job fires only
 *       in the first pass ({@code 30 2 * * *} fires once, at 02:30 +02:00); wildcard jobs fire in both passes, so
 *       {@code 0 * * * *} fires at 02:00 +02:00 and again at 02:00 +01:00, one real hour apart.
 * </ul>
 *
 * Every tick is an instant, so ticks that coincide (a made-up tick at 03:00 and a regular 03:00 tick) are one.
 *
 */
public final class CronSchedule implements Schedule {

    private final CronExpression expression;
    private final ZoneId zone;

    private CronSchedule(CronExpression expression, ZoneId zone) {
        this.expression = expression;
        this.zone = zone;
    }

    /** Parses {@code cron} and reads it in {@code zone}. */
    public static CronSchedule of(String cron, ZoneId zone) throws ScheduleException {
        return new CronSchedule(CronParser.parse(cron), Objects.requireNonNull(zone, "zone"));
    }

    /** The zone the fields are read in. */
    public ZoneId zone() {
        return zone;
    }

    /** The expression as written (trimmed). */
    public String cron() {
        return expression.text();
    }

    @Override
    public Optional<Instant> nextAfter(Instant after) {
        ZoneRules rules = zone.getRules();
        Instant start = after;
        boolean inclusive = false;
        long lastSecond = after.getEpochSecond() + CronExpression.SEARCH_YEARS * 366L * 86_400;
        while (start.getEpochSecond() <= lastSecond) {
            ZoneOffset offset = rules.getOffset(start);
            ZoneOffsetTransition transition = rules.nextTransition(start);
            LocalDateTime local = LocalDateTime.ofEpochSecond(start.getEpochSecond(), 0, offset);
            if (!inclusive || start.getNano() > 0) {
                local = local.plusSeconds(1);
            }
            LocalDateTime end = transition == null ? null : transition.getDateTimeBefore();
            LocalDateTime match = expression.nextMatch(local);
            while (match != null && (end == null || match.isBefore(end))) {
                if (firesAt(match, offset, rules)) {
                    return Optional.of(match.toInstant(offset));
                }
                match = expression.nextMatch(match.plusSeconds(1));
            }
            if (transition == null) {
                return Optional.empty();
            }
            if (transition.isGap()
                    && !expression.wildcardTime()
                    && expression.matchesWithin(transition.getDateTimeBefore(), transition.getDateTimeAfter())) {
                return Optional.of(transition.getInstant());
            }
            start = transition.getInstant();
            inclusive = true;
        }
        return Optional.empty();
    }

    /** False for the second pass through a repeated hour of a particular-time job. */
    private boolean firesAt(LocalDateTime local, ZoneOffset offset, ZoneRules rules) {
        if (expression.wildcardTime()) {
            return true;
        }
        ZoneOffsetTransition transition = rules.getTransition(local);
        return transition == null || !transition.isOverlap() || !offset.equals(transition.getOffsetAfter());
    }

    @Override
    public String describe() {
        return "cron \"" + expression.text() + "\" in " + zone.getId();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CronSchedule that && expression.equals(that.expression) && zone.equals(that.zone);
    }

    @Override
    public int hashCode() {
        return expression.hashCode() * 31 + zone.hashCode();
    }

    @Override
    public String toString() {
        return describe();
    }
}

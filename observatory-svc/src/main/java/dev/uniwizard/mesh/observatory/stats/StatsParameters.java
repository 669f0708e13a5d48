package dev.uniwizard.mesh.observatory.stats;

import dev.uniwizard.mesh.core.subjects.Subjects;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the query parameters of the stats API as text, so a bad value gets a 400 that names the parameter and the
 * accepted forms: {@code house} a house name; {@code since} an ISO-8601 instant or a duration back from now; {@code step}
 * a duration. Durations are a whole number and a unit: {@code 45s}, {@code 15m}, {@code 1h}, {@code 7d}, {@code 2w}.
 */
public final class StatsParameters {

    static final String DURATION_FORMS = "a duration such as 30s, 15m, 1h, 7d or 2w";
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})([smhdw])");

    /** Round bucket widths a series picks from when no step is given, in seconds. */
    private static final List<Long> ROUND_STEPS = List.of(
            10L, 15L, 30L, 60L, 120L, 300L, 600L, 900L, 1800L, 3600L, 7200L, 10800L, 21600L, 43200L, 86400L, 604800L);

    private StatsParameters() {}

    /** The house name, or empty when not given; 400 when it is not a house name. */
    public static Optional<String> house(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        if (!Subjects.isToken(raw)) {
            throw new BadStatsParameter(
                    "house",
                    "house must be a house name (1-64 lower-case letters, digits, '_' or '-', such as ezra), got '"
                            + raw + "'");
        }
        return Optional.of(raw);
    }

    /** The period from {@code since} to {@code now}; {@code fallback} back from now when {@code since} is absent. */
    public static StatsPeriod since(String raw, Instant now, Duration fallback) {
        if (raw == null || raw.isBlank()) {
            return new StatsPeriod(now.minus(fallback), now);
        }
        String text = raw.strip();
        Instant since;
        if (DURATION.matcher(text).matches()) {
            Duration back = duration("since", text);
            try {
                since = now.minus(back);
            } catch (DateTimeException | ArithmeticException e) {
                throw new BadStatsParameter("since", "since '" + raw + "' reaches too far back");
            }
        } else {
            since = instant(raw, text);
        }
        if (since.isBefore(Instant.EPOCH)) {
            throw new BadStatsParameter(
                    "since", "since '" + raw + "' reaches too far back (before " + Instant.EPOCH + ")");
        }
        if (since.isAfter(now)) {
            throw new BadStatsParameter(
                    "since", "since " + since + " is in the future (now is " + now + "): give a time in the past");
        }
        return new StatsPeriod(since, now);
    }

    /**
     * The bucket width of a series over {@code period}: {@code raw} when given, else the round width that gives at most
     * {@code targetPoints} buckets. 400 when the series would have more than {@code maxPoints} buckets.
     */
    public static Duration step(String raw, StatsPeriod period, int targetPoints, int maxPoints) {
        long seconds = Math.max(1, period.length().toSeconds());
        Duration step;
        if (raw == null || raw.isBlank()) {
            long wanted = Math.ceilDiv(seconds, Math.max(1, targetPoints));
            step = Duration.ofSeconds(ROUND_STEPS.stream()
                    .filter(round -> round >= wanted)
                    .findFirst()
                    .orElse(Math.ceilDiv(seconds, Math.max(1, maxPoints - 1))));
        } else {
            String text = raw.strip();
            if (!DURATION.matcher(text).matches()) {
                throw new BadStatsParameter("step", "step must be " + DURATION_FORMS + ", got '" + raw + "'");
            }
            step = duration("step", text);
        }
        long points = StatsSeries.buckets(period, step);
        if (points > maxPoints) {
            throw new BadStatsParameter(
                    "step",
                    "step " + step.toSeconds() + " s gives " + points + " points over "
                            + period.length().toSeconds() + " s; at most " + maxPoints
                            + " are allowed: use a longer step or a shorter since");
        }
        return step;
    }

    private static Duration duration(String name, String text) {
        Matcher matcher = DURATION.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalStateException("not a duration: " + text);
        }
        long amount = Long.parseLong(matcher.group(1));
        if (amount == 0) {
            throw new BadStatsParameter(
                    name, name + " must be a positive duration (" + DURATION_FORMS + "), got '" + text + "'");
        }
        return switch (matcher.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofDays(amount * 7);
        };
    }

    private static Instant instant(String raw, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw new BadStatsParameter(
                        "since",
                        "since must be an ISO-8601 instant such as 2026-01-31T12:00:00Z or " + DURATION_FORMS
                                + " back from now, got '" + raw + "'");
            }
        }
    }
}

package dev.uniwizard.mesh.cli.observatory;

import dev.uniwizard.mesh.core.observatory.CheckState;
import java.util.Locale;
import java.util.Map;

/** Numbers of the observatory's reports as the terminal shows them: percentages, latencies, check values. */
public final class Figures {

    private Figures() {}

    /** {@code 99.912%} for 99.912, trailing zeros dropped; null stays null. */
    public static String percent(Double percent) {
        return percent == null || percent.isNaN() ? null : number(percent, 3) + "%";
    }

    /** {@code 96.5%} for the ratio 0.965. */
    public static String ratio(Double ratio) {
        return ratio == null || ratio.isNaN() ? null : number(ratio * 100, 1) + "%";
    }

    /** {@code 850 ms} below a second, else {@code 2.35 s}. */
    public static String seconds(Double seconds) {
        if (seconds == null || seconds.isNaN() || seconds.isInfinite()) {
            return null;
        }
        if (Math.abs(seconds) < 1) {
            return number(seconds * 1000, 1) + " ms";
        }
        return number(seconds, 2) + " s";
    }

    /** {@code 850 ms} for 850 milliseconds. */
    public static String millis(Double millis) {
        return millis == null ? null : seconds(millis / 1000);
    }

    /** A check's value in its unit: {@code 93%} (ratio), {@code 412 ms}, {@code 17 messages}, {@code 3.5 s}. */
    public static String checkValue(Double value, String unit) {
        if (value == null || value.isNaN()) {
            return null;
        }
        if (unit == null || unit.isBlank()) {
            return number(value, 2);
        }
        return switch (unit) {
            case "ratio" -> ratio(value);
            case "ms" -> number(value, 1) + " ms";
            case "seconds" -> seconds(value);
            default -> number(value, 2) + " " + unit;
        };
    }

    /** The number with at most {@code decimals} decimals, trailing zeros dropped: {@code 3}, {@code 0.25}. */
    public static String number(double value, int decimals) {
        String text = String.format(Locale.ROOT, "%." + decimals + "f", value);
        if (text.contains(".")) {
            text = text.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return "-0".equals(text) ? "0" : text;
    }

    /** A check state: ok and warn in lower case, critical and error in upper case to stand out; null as UNKNOWN. */
    public static String state(CheckState state) {
        if (state == null) {
            return "UNKNOWN";
        }
        return state.isProblem() ? state.wireName().toUpperCase(Locale.ROOT) : state.wireName();
    }

    /** {@code 12 ok, 1 warn, 0 critical, 0 error}: every state in that order, 0 when absent. */
    public static String stateCounts(Map<CheckState, Long> counts) {
        StringBuilder text = new StringBuilder();
        for (CheckState state : CheckState.values()) {
            Long count = counts == null ? null : counts.get(state);
            text.append(text.isEmpty() ? "" : ", ")
                    .append(count == null ? 0 : count)
                    .append(' ')
                    .append(state.wireName());
        }
        return text.toString();
    }

    /** {@code yes}, {@code NO} (upper case, to stand out) or null for no verdict. */
    public static String met(Boolean met) {
        return met == null ? null : met ? "yes" : "NO";
    }

    /** The first line of a text, at most {@code max} characters ({@code ...} when cut). */
    public static String firstLine(String text, int max) {
        if (text == null) {
            return null;
        }
        String line = text.strip().lines().findFirst().orElse("");
        boolean more = text.strip().lines().count() > 1;
        if (line.length() > max) {
            return line.substring(0, Math.max(0, max - 3)) + "...";
        }
        return more ? line + " ..." : line;
    }
}

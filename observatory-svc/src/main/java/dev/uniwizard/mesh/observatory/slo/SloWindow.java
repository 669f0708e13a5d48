package dev.uniwizard.mesh.observatory.slo;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A report window as written in requests and configuration: a whole number and a unit, e.g. {@code 30d}, {@code 6h}. */
public final class SloWindow {

    /** The longest window accepted. */
    public static final Duration MAX = Duration.ofDays(366);

    private static final Pattern FORMAT = Pattern.compile("([1-9][0-9]{0,6})([smhdw])");

    private SloWindow() {}

    /**
     * Parses {@code value}.
     *
     * @throws IllegalArgumentException saying what is wrong and what is expected
     */
    public static Duration parse(String value) {
        Matcher matcher = FORMAT.matcher(value == null ? "" : value.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("window '" + value
                    + "' is not a duration: use a positive whole number and a unit s, m, h, d or w (e.g. 30d, 24h)");
        }
        long amount = Long.parseLong(matcher.group(1));
        Duration window =
                switch (matcher.group(2)) {
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    case "d" -> Duration.ofDays(amount);
                    default -> Duration.ofDays(7 * amount);
                };
        if (window.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("window '" + value + "' is longer than the longest window, 366d");
        }
        return window;
    }
}

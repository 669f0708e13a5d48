package dev.uniwizard.mesh.cli.text;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** Instants as the terminal shows them: ISO-8601, to the second. */
public final class Times {

    private Times() {}

    /** The instant to the second, or {@code null}. */
    public static String seconds(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** An ISO instant to the second, or the text as it came if it is not one. */
    public static String seconds(String iso) {
        if (iso == null) {
            return null;
        }
        try {
            return seconds(Instant.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }
}

package dev.uniwizard.mesh.observatory.alerts;

import java.util.Locale;

/**
 * Where an alert stands: {@link #PENDING} while its check has been a problem for less than {@code for} (nothing is
 * sent), {@link #FIRING} once it has been one for longer, {@link #RESOLVED} after a firing alert's check recovered, until
 * the group's next notification has said so.
 */
public enum AlertPhase {
    PENDING,
    FIRING,
    RESOLVED;

    /** The lower-case name, as stored and shown. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AlertPhase fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}

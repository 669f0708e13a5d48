package dev.uniwizard.mesh.core.approval;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where an approval request stands. Only {@link #APPROVED} lets the tool run. */
public enum ApprovalState {
    PENDING,
    APPROVED,
    DENIED,
    EXPIRED;

    public boolean decided() {
        return this != PENDING;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ApprovalState fromWire(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(
                    "unknown approval state '" + value + "', expected pending, approved, denied or expired");
        }
    }
}

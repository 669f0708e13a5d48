package dev.uniwizard.mesh.core.signing;

import java.util.Locale;

/** Why an envelope was not accepted; used as a metric label. */
public enum RejectionReason {
    MALFORMED,
    UNKNOWN_KEY,
    BAD_SIGNATURE,
    CLOCK_SKEW,
    REPLAY,
    ROLE_NOT_ALLOWED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

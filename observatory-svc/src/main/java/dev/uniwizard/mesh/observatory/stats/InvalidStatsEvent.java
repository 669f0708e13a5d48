package dev.uniwizard.mesh.observatory.stats;

/**
 * A turn or tool-call event that cannot be recorded: its payload does not fit the type, a field is out of range, or
 * the node does not speak for the house it reports about. Counted, logged and dead-lettered, never stored.
 */
public class InvalidStatsEvent extends Exception {

    /** The payload is not a turn or tool-call event. */
    public static final String MALFORMED = "malformed";

    /** A field is missing or out of range. */
    public static final String BAD_FIELD = "bad_field";

    /** The signing node does not speak for the house named in the event. */
    public static final String NOT_THE_HOUSE = "not_the_house";

    private final String reason;

    public InvalidStatsEvent(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** {@link #MALFORMED}, {@link #BAD_FIELD} or {@link #NOT_THE_HOUSE}: the {@code reason} tag of the metric. */
    public String reason() {
        return reason;
    }
}

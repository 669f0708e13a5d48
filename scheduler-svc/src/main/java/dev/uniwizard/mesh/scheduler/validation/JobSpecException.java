package dev.uniwizard.mesh.scheduler.validation;

/**
 * A job that cannot be accepted, with the field that is wrong (e.g. {@code name}, {@code schedule.cron},
 * {@code target.house}, {@code delivery.platform}) so that an API answer can point the operator at it. The message
 * says what was wrong and what is expected; it does not repeat the field.
 */
public class JobSpecException extends Exception {

    private final String field;

    public JobSpecException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field that is wrong. */
    public String field() {
        return field;
    }

    /** {@code <field>: <message>}, for logs and command-line output. */
    public String withField() {
        return field + ": " + getMessage();
    }
}

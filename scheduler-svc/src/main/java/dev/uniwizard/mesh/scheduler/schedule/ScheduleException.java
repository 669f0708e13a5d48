package dev.uniwizard.mesh.scheduler.schedule;

/**
 * A schedule that cannot be used, with the field that is wrong ({@code schedule.cron}, {@code schedule.zone},
 * {@code schedule.everySeconds}, {@code schedule.event.subject}, {@code schedule.event.match}, or {@code schedule}
 * itself) so that an API answer can point the operator at it. The message says what was wrong and what is expected; it
 * does not repeat the field.
 */
public class ScheduleException extends Exception {

    private final String field;

    public ScheduleException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field that is wrong, e.g. {@code schedule.cron}. */
    public String field() {
        return field;
    }

    /** {@code <field>: <message>}, for logs and command-line output. */
    public String withField() {
        return field + ": " + getMessage();
    }
}

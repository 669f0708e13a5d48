package dev.uniwizard.mesh.core.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * When a job fires: exactly one of a cron expression (with its time zone), a fixed interval, or an event.
 *
 * @param cron 5 fields ({@code min hour day-of-month month day-of-week}) or 6 with seconds first; names (MON, JAN),
 *     lists, ranges and steps
 * @param zone the IANA time zone the cron expression is read in (e.g. {@code Europe/Berlin}); default UTC
 * @param everySeconds a fixed interval, at least 1
 * @param event an event trigger
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobSchedule(String cron, String zone, Long everySeconds, EventTrigger event) {

    /**
     * Fires on a message of the EVENTS stream.
     *
     * @param subject a NATS subject filter under {@code <root>.events.>}, e.g. {@code mesh.events.deadletter} or
     *     {@code mesh.events.>}
     * @param match optional: JSON pointers into the envelope's payload (e.g. {@code /reason}) and the text each must
     *     equal; all must match
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EventTrigger(String subject, Map<String, String> match) {}
}

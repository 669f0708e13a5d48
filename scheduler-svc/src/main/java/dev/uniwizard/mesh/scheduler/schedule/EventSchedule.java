package dev.uniwizard.mesh.scheduler.schedule;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Fires on a message of the EVENTS stream whose subject matches a NATS subject filter and whose payload has the
 * expected text at every JSON pointer of the match map. It has no ticks of its own ({@link #nextAfter} is empty): the
 * event is the tick.
 *
 * <p>Both parts are checked when the schedule is parsed, so that a typo is an error at {@code jobs add} time instead of a
 * job that silently never fires. Whether the filter lies under the configured events root is checked by the caller,
 * which knows the root.
 */
public final class EventSchedule implements Schedule {

    private final String subject;
    private final List<String> filterTokens;
    private final Map<String, String> match;
    private final Map<JsonPointer, String> pointers;

    private EventSchedule(String subject, Map<String, String> match, Map<JsonPointer, String> pointers) {
        this.subject = subject;
        this.filterTokens = List.of(subject.split("\\.", -1));
        this.match = match;
        this.pointers = pointers;
    }

    /**
     * Checks a subject filter and a match map.
     *
     * @param subject a NATS subject filter: dot-separated tokens of letters, digits, {@code _} or {@code -}, a token
     *     {@code *} for exactly one token, a last token {@code >} for one or more
     * @param match JSON pointer (RFC 6901, e.g. {@code /reason} or {@code /detail/code}) → the text the payload must
     *     have there; null or empty for "any payload"
     */
    public static EventSchedule of(String subject, Map<String, String> match) throws ScheduleException {
        SubjectFilters.check(subject);
        Map<String, String> copy = new LinkedHashMap<>();
        Map<JsonPointer, String> pointers = new LinkedHashMap<>();
        if (match != null) {
            for (Map.Entry<String, String> entry : match.entrySet()) {
                JsonPointer pointer = JsonPointers.compile(entry.getKey());
                if (entry.getValue() == null) {
                    throw new ScheduleException(
                            "schedule.event.match",
                            "the expected value for '" + entry.getKey()
                                    + "' is missing: give the text the payload must have there");
                }
                copy.put(entry.getKey(), entry.getValue());
                pointers.put(pointer, entry.getValue());
            }
        }
        return new EventSchedule(subject, Collections.unmodifiableMap(copy), pointers);
    }

    /** The subject filter as written. */
    public String subject() {
        return subject;
    }

    /** JSON pointer → expected text, in the order given; empty when any payload matches. */
    public Map<String, String> match() {
        return match;
    }

    /** True when {@code subject} matches the filter (NATS wildcard rules). */
    public boolean matchesSubject(String subject) {
        return SubjectFilters.matches(filterTokens, subject);
    }

    /**
     * True when the subject matches the filter and every pointer of the match map leads to the expected text. A pointer
     * to a text node compares its text; to any other node (number, boolean, null, object, array) its compact JSON text
     * ({@code 3}, {@code true}, {@code null}, {@code {"a":1}}); a pointer that leads nowhere does not match.
     *
     * @param payload the envelope's payload; null matches only an empty match map
     */
    public boolean matches(String subject, JsonNode payload) {
        if (!matchesSubject(subject)) {
            return false;
        }
        for (Map.Entry<JsonPointer, String> entry : pointers.entrySet()) {
            if (payload == null) {
                return false;
            }
            JsonNode node = payload.at(entry.getKey());
            if (node == null || node.isMissingNode()) {
                return false;
            }
            String actual = node.isTextual() ? node.textValue() : node.toString();
            if (!entry.getValue().equals(actual)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Optional<Instant> nextAfter(Instant after) {
        return Optional.empty();
    }

    /** In words, with the pointers sorted so that the text does not depend on how the map was stored. */
    @Override
    public String describe() {
        if (match.isEmpty()) {
            return "on events " + subject;
        }
        return "on events " + subject + " where "
                + new TreeMap<>(match)
                        .entrySet().stream()
                                .map(e -> e.getKey() + " = " + e.getValue())
                                .collect(Collectors.joining(" and "));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EventSchedule that && subject.equals(that.subject) && match.equals(that.match);
    }

    @Override
    public int hashCode() {
        return subject.hashCode() * 31 + match.hashCode();
    }

    @Override
    public String toString() {
        return describe();
    }
}

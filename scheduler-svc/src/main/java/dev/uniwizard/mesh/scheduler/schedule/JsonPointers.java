package dev.uniwizard.mesh.scheduler.schedule;

import com.fasterxml.jackson.core.JsonPointer;

/** Strict RFC 6901 JSON pointers: Jackson accepts some malformed escapes, an operator's typo should be an error. */
final class JsonPointers {

    static final String FIELD = "schedule.event.match";

    private JsonPointers() {}

    static JsonPointer compile(String pointer) throws ScheduleException {
        if (pointer == null) {
            throw new ScheduleException(FIELD, "a JSON pointer is missing: write pointers such as /reason");
        }
        if (!pointer.isEmpty() && pointer.charAt(0) != '/') {
            throw new ScheduleException(
                    FIELD, "'" + pointer + "' is not a JSON pointer: it must start with '/', e.g. /" + pointer);
        }
        for (int i = 0; i < pointer.length(); i++) {
            if (pointer.charAt(i) == '~') {
                char next = i + 1 < pointer.length() ? pointer.charAt(i + 1) : ' ';
                if (next != '0' && next != '1') {
                    throw new ScheduleException(
                            FIELD,
                            "'" + pointer + "' is not a valid JSON pointer: '~' must be followed by 0 or 1 "
                                    + "(write ~0 for '~' and ~1 for '/')");
                }
            }
        }
        try {
            return JsonPointer.compile(pointer);
        } catch (IllegalArgumentException e) {
            throw new ScheduleException(FIELD, "'" + pointer + "' is not a valid JSON pointer: " + e.getMessage());
        }
    }
}

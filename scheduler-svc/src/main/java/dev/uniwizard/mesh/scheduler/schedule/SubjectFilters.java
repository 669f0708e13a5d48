package dev.uniwizard.mesh.scheduler.schedule;

import java.util.List;

/** NATS subject filters: checking what an operator wrote, and matching subjects against it. */
final class SubjectFilters {

    static final String FIELD = "schedule.event.subject";
    static final int MAX_LENGTH = 255;

    private SubjectFilters() {}

    static void check(String filter) throws ScheduleException {
        if (filter == null || filter.isBlank()) {
            throw new ScheduleException(
                    FIELD, "the subject filter is missing: give a NATS subject such as mesh.events.deadletter");
        }
        if (filter.length() > MAX_LENGTH) {
            throw new ScheduleException(
                    FIELD, "the subject filter is " + filter.length() + " characters long, at most " + MAX_LENGTH);
        }
        String[] tokens = filter.split("\\.", -1);
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            if (token.isEmpty()) {
                throw new ScheduleException(
                        FIELD,
                        "'" + filter + "' has an empty token (a leading, trailing or doubled '.'): "
                                + "write dot-separated tokens such as mesh.events.deadletter");
            }
            if (token.equals(">")) {
                if (i != tokens.length - 1) {
                    throw new ScheduleException(
                            FIELD, "'" + filter + "' has '>' before the last token: '>' may only be the last token");
                }
                continue;
            }
            if (token.equals("*")) {
                continue;
            }
            for (int c = 0; c < token.length(); c++) {
                char ch = token.charAt(c);
                if (ch == '*' || ch == '>') {
                    throw new ScheduleException(
                            FIELD,
                            "'" + filter + "' has the token '" + token + "' that mixes '" + ch
                                    + "' with text: wildcards must be whole tokens (mesh.events.* or mesh.events.>)");
                }
                if (!allowed(ch)) {
                    throw new ScheduleException(
                            FIELD,
                            "'" + filter + "' has the character '" + printable(ch) + "' in the token '" + token
                                    + "': use letters, digits, '_' or '-' between the dots");
                }
            }
        }
    }

    static boolean matches(List<String> filterTokens, String subject) {
        if (subject == null || subject.isEmpty()) {
            return false;
        }
        String[] tokens = subject.split("\\.", -1);
        int count = filterTokens.size();
        for (int i = 0; i < count; i++) {
            String want = filterTokens.get(i);
            if (want.equals(">")) {
                return tokens.length > i;
            }
            if (i >= tokens.length || tokens[i].isEmpty()) {
                return false;
            }
            if (!want.equals("*") && !want.equals(tokens[i])) {
                return false;
            }
        }
        return tokens.length == count;
    }

    private static boolean allowed(char ch) {
        return (ch >= 'a' && ch <= 'z')
                || (ch >= 'A' && ch <= 'Z')
                || (ch >= '0' && ch <= '9')
                || ch == '_'
                || ch == '-';
    }

    private static String printable(char ch) {
        return Character.isWhitespace(ch) || Character.isISOControl(ch)
                ? String.format("\\u%04x", (int) ch)
                : String.valueOf(ch);
    }
}

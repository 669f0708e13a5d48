package dev.uniwizard.mesh.memory.validation;

import java.util.Optional;

/** Checks every text field shares: PostgreSQL text cannot hold the NUL character, so it is refused up front. */
public final class TextChecks {

    private TextChecks() {}

    /** A problem when {@code value} contains U+0000. */
    public static Optional<Problem> noNul(String field, String value) {
        if (value != null && value.indexOf('\u0000') >= 0) {
            return Optional.of(Problem.badRequest(field + " contains a NUL character (\\u0000) at position "
                    + value.indexOf('\u0000') + "; PostgreSQL cannot store or search it, remove it"));
        }
        return Optional.empty();
    }

    /** A problem when {@code value} is longer than {@code max} characters (code {@code code}). */
    public static Optional<Problem> atMost(String field, String value, int max, String code) {
        if (value != null && value.length() > max) {
            return Optional.of(new Problem(
                    code, field + " is " + value.length() + " characters long, at most " + max + " are allowed"));
        }
        return Optional.empty();
    }

    @SafeVarargs
    public static Optional<Problem> firstOf(Optional<Problem>... checks) {
        for (Optional<Problem> check : checks) {
            if (check.isPresent()) {
                return check;
            }
        }
        return Optional.empty();
    }
}

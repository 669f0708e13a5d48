package dev.uniwizard.mesh.scheduler.api;

import java.util.regex.Pattern;

/**
 * Who changed a job, from the {@code X-Operator} header, for the log. The header is not authentication (the API is for
 * operators on the mesh's host); a missing or odd header is logged as such rather than refused.
 */
public record Operator(String name) {

    public static final String HEADER = "X-Operator";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@:-]{0,63}");

    /** The operator named by the header; {@code (no X-Operator)} or {@code (invalid X-Operator)} otherwise. */
    public static Operator of(String header) {
        if (header == null || header.isBlank()) {
            return new Operator("(no " + HEADER + ")");
        }
        String name = header.strip();
        return new Operator(NAME.matcher(name).matches() ? name : "(invalid " + HEADER + ")");
    }

    @Override
    public String toString() {
        return "operator " + name;
    }
}

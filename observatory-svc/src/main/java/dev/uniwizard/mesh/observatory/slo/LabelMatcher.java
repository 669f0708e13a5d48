package dev.uniwizard.mesh.observatory.slo;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * One label condition of a latency objective: {@code label=value} (the series has it) or {@code label!=value} (it does
 * not; a series without the label matches).
 */
public record LabelMatcher(String label, String value, boolean negated) {

    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    /**
     * Parses {@code label=value} or {@code label!=value}.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static LabelMatcher parse(String spec) {
        String value = spec == null ? "" : spec.strip();
        int eq = value.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException(
                    "label filter '" + value + "' is not label=value or label!=value (e.g. outcome!=rejected)");
        }
        boolean negated = value.charAt(eq - 1) == '!';
        String label = value.substring(0, negated ? eq - 1 : eq).strip();
        if (!LABEL.matcher(label).matches() || label.equals("le")) {
            throw new IllegalArgumentException(
                    "label filter '" + value + "': '" + label + "' is not a label that can be filtered on");
        }
        return new LabelMatcher(label, unquote(value.substring(eq + 1).strip()), negated);
    }

    /** Whether a series with {@code labels} passes. */
    public boolean matches(Map<String, String> labels) {
        boolean equal = value.equals(labels.getOrDefault(label, ""));
        return negated != equal;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }

    @Override
    public String toString() {
        return label + (negated ? "!=" : "=") + value;
    }
}

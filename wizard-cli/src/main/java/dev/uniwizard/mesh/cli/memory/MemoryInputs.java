package dev.uniwizard.mesh.cli.memory;

import dev.uniwizard.mesh.core.memory.MemoryTypes;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Checks the options of the {@code wizard memory} commands before anything is sent, saying what is wrong. */
final class MemoryInputs {

    private MemoryInputs() {}

    /** A value that must be given and not blank, stripped. */
    static String required(CommandSpec spec, String option, String value) {
        if (value == null || value.isBlank()) {
            throw new ParameterException(spec.commandLine(), option + " is empty");
        }
        return value.strip();
    }

    /** A value that may be left out, but not given blank; stripped. */
    static String optional(CommandSpec spec, String option, String value) {
        return value == null ? null : required(spec, option, value);
    }

    /** {@code --limit}: null when not given, else at least 1 (memory refuses more than its configured most). */
    static Integer limit(CommandSpec spec, Integer limit) {
        if (limit != null && limit < 1) {
            throw new ParameterException(spec.commandLine(), "--limit must be at least 1, got " + limit);
        }
        return limit;
    }

    /** {@code --limit}: null when not given, else 1 to {@code max}. */
    static Integer limit(CommandSpec spec, Integer limit, int max) {
        if (limit != null && (limit < 1 || limit > max)) {
            throw new ParameterException(spec.commandLine(), "--limit must be between 1 and " + max + ", got " + limit);
        }
        return limit;
    }

    /** An ISO-8601 instant option, or null when not given. */
    static Instant instant(CommandSpec spec, String option, String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return Instant.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new ParameterException(
                    spec.commandLine(),
                    option + " must be an ISO-8601 instant such as 2026-01-31T12:00:00Z, got '" + raw + "'");
        }
    }

    /** One of {@link MemoryTypes#ALL}, in any case; null when not given. */
    static String memoryType(CommandSpec spec, String raw) {
        if (raw == null) {
            return null;
        }
        String type = raw.strip().toLowerCase(Locale.ROOT);
        if (!MemoryTypes.isKnown(type)) {
            throw new ParameterException(
                    spec.commandLine(), "--type must be " + choices(MemoryTypes.ALL) + ", got '" + raw + "'");
        }
        return type;
    }

    /** One of {@code values}, in any case. */
    static String oneOf(CommandSpec spec, String option, String raw, List<String> values) {
        String value = raw.strip().toLowerCase(Locale.ROOT);
        if (!values.contains(value)) {
            throw new ParameterException(
                    spec.commandLine(), option + " must be " + choices(values) + ", got '" + raw + "'");
        }
        return value;
    }

    /** {@code a, b or c}. */
    static String choices(List<String> values) {
        if (values.size() < 2) {
            return String.join("", values);
        }
        return String.join(", ", values.subList(0, values.size() - 1)) + " or " + values.getLast();
    }
}

package dev.uniwizard.mesh.memory.api;

import dev.uniwizard.mesh.memory.validation.Problem;
import dev.uniwizard.mesh.memory.validation.RequestRules;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** Reads query and path parameters as text, so that a bad value gets a 400 that says what is wrong. */
final class QueryParams {

    private QueryParams() {}

    static int limit(String raw, int fallback) {
        return limit(raw, fallback, RequestRules.MAX_LIMIT);
    }

    /** A limit between 1 and {@code max}; {@code fallback} when absent. */
    static int limit(String raw, int fallback, int max) {
        Integer limit = optionalLimit(raw, max);
        if (limit == null) {
            return fallback;
        }
        if (limit < 1 || limit > max) {
            fail("limit must be between 1 and " + max + ", got " + limit);
        }
        return limit;
    }

    /** A whole number given as limit (range checked by the caller's rules), or null when absent. */
    static Integer optionalLimit(String raw, int max) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw new BadParameterException(
                    "limit must be a whole number between 1 and " + max + ", got '" + raw + "'");
        }
    }

    static Optional<Instant> instant(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(raw.trim()));
        } catch (DateTimeParseException e) {
            throw new BadParameterException(
                    name + " must be an ISO-8601 instant such as 2026-01-31T12:00:00Z, got '" + raw + "'");
        }
    }

    static String conversationId(String raw) {
        RequestRules.conversationId(raw).map(Problem::message).ifPresent(QueryParams::fail);
        return raw;
    }

    /** {@code true} or {@code false} (any case); {@code fallback} when absent. */
    static boolean bool(String name, String raw, boolean fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new BadParameterException(name + " must be true or false, got '" + raw + "'");
        };
    }

    /** A positive id from the path. */
    static long id(String what, String raw) {
        try {
            long id = Long.parseLong(raw.trim());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadParameterException(what + " must be a positive whole number, got '" + raw + "'");
    }

    /** Empty text counts as absent. */
    static String optional(String raw) {
        return raw == null || raw.isEmpty() ? null : raw;
    }

    private static void fail(String message) {
        throw new BadParameterException(message);
    }
}

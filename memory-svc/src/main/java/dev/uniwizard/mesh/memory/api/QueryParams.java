package dev.uniwizard.mesh.memory.api;

import dev.uniwizard.mesh.memory.validation.Problem;
import dev.uniwizard.mesh.memory.validation.RequestRules;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads query parameters as text, so that a bad value gets a 400 that says what is wrong. */
final class QueryParams {

    private QueryParams() {}

    static int limit(String raw, int fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        int limit;
        try {
            limit = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw new BadParameterException(
                    "limit must be a whole number between 1 and " + RequestRules.MAX_LIMIT + ", got '" + raw + "'");
        }
        RequestRules.limit(limit).map(Problem::message).ifPresent(QueryParams::fail);
        return limit;
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

    private static void fail(String message) {
        throw new BadParameterException(message);
    }
}

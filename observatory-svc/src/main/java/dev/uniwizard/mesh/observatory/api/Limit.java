package dev.uniwizard.mesh.observatory.api;

import jakarta.ws.rs.core.Response;

/**
 * The {@code ?limit=} of the list endpoints: a whole number from 1 to {@link #MAX} (empty counts as absent, which
 * means the endpoint's default).
 *
 * @param value the limit, valid when {@code error} is null
 * @param error the 400 answer naming the parameter, or null
 */
record Limit(int value, Response error) {

    static final int MAX = 1000;

    static Limit parse(String raw, int defaultLimit) {
        int count;
        try {
            count = raw == null || raw.isBlank() ? defaultLimit : Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            count = -1;
        }
        if (count >= 1 && count <= MAX) {
            return new Limit(count, null);
        }
        return new Limit(
                0,
                Response.status(Response.Status.BAD_REQUEST)
                        .entity(new ApiError(
                                "bad_limit",
                                "limit '" + raw + "' must be a whole number from 1 to " + MAX + " (default "
                                        + defaultLimit + ")"))
                        .build());
    }
}

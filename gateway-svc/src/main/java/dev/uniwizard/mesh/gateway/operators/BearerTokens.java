package dev.uniwizard.mesh.gateway.operators;

import java.util.Locale;
import java.util.Optional;

/** Reads the token of an {@code Authorization: Bearer <token>} header. */
public final class BearerTokens {

    private static final String BEARER = "bearer ";

    private BearerTokens() {}

    /** The token, or empty when the header is absent, blank or not of the Bearer scheme. */
    public static Optional<String> from(String authorization) {
        if (authorization == null
                || authorization.isBlank()
                || !authorization.strip().toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            return Optional.empty();
        }
        String token = authorization.strip().substring(BEARER.length()).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}

package dev.uniwizard.mesh.gateway.slack;

import dev.uniwizard.mesh.gateway.verification.Hmacs;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Slack's request signing (version {@code v0}): {@code X-Slack-Signature} must be {@code v0=} + the hex
 * HMAC-SHA256, under the app's signing secret, of {@code v0:<X-Slack-Request-Timestamp>:<raw body>}, and the timestamp
 * must be within the allowed clock skew of now, so a captured request cannot be replayed later. The signature is
 * compared in constant time. Pure: the clock is given.
 */
public final class SlackSignature {

    /** Why a request was refused: a stable reason label and what was wrong, for the 401 answer. */
    public record Failure(String reason, String message) {}

    private static final String VERSION = "v0";

    private final String signingSecret;
    private final Duration maxClockSkew;
    private final Clock clock;

    public SlackSignature(String signingSecret, Duration maxClockSkew, Clock clock) {
        if (signingSecret == null || signingSecret.isBlank()) {
            throw new IllegalArgumentException("the Slack signing secret is empty");
        }
        this.signingSecret = signingSecret;
        this.maxClockSkew = maxClockSkew;
        this.clock = clock;
    }

    /**
     * Checks one request.
     *
     * @param timestamp the {@code X-Slack-Request-Timestamp} header (Unix seconds), or null
     * @param signature the {@code X-Slack-Signature} header, or null
     * @param body the raw request body, exactly as received
     * @return empty when the request is Slack's, else why not
     */
    public Optional<Failure> check(String timestamp, String signature, byte[] body) {
        if (timestamp == null || timestamp.isBlank()) {
            return fail("missing_timestamp", "the X-Slack-Request-Timestamp header is missing");
        }
        if (signature == null || signature.isBlank()) {
            return fail("missing_signature", "the X-Slack-Signature header is missing");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return fail(
                    "bad_timestamp",
                    "X-Slack-Request-Timestamp " + quote(timestamp) + " is not a number of seconds since 1970");
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - Math.clamp(seconds, 0, Long.MAX_VALUE / 2));
        if (skew > maxClockSkew.toSeconds()) {
            return fail(
                    "stale_timestamp",
                    "X-Slack-Request-Timestamp is " + skew + " s away from the gateway's clock; at most "
                            + maxClockSkew.toSeconds() + " s are accepted (a replayed request, or a wrong clock)");
        }
        if (!Hmacs.constantTimeEquals(sign(timestamp.strip(), body), signature.strip())) {
            return fail(
                    "bad_signature",
                    "X-Slack-Signature does not match the request: a wrong signing secret, or a modified body");
        }
        return Optional.empty();
    }

    /** The signature Slack sends for {@code body} at {@code timestamp}: {@code v0=<64 hex digits>}. */
    public String sign(String timestamp, byte[] body) {
        byte[] prefix = (VERSION + ":" + timestamp + ":").getBytes(StandardCharsets.UTF_8);
        byte[] base = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, base, 0, prefix.length);
        System.arraycopy(body, 0, base, prefix.length, body.length);
        return VERSION + "=" + Hmacs.sha256Hex(signingSecret, base);
    }

    private static Optional<Failure> fail(String reason, String message) {
        return Optional.of(new Failure(reason, message));
    }

    /** A header value for an error message: at most 32 printable characters, in quotes. */
    private static String quote(String value) {
        String shown = value.codePoints()
                .limit(32)
                .map(c -> c < 0x20 || c == 0x7f ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return "'" + shown + (value.length() > 32 ? "...'" : "'");
    }
}

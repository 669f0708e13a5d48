package dev.uniwizard.mesh.gateway.discord;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Discord's interaction signing: {@code X-Signature-Ed25519} is the hex Ed25519 signature, by the application's key,
 * of {@code X-Signature-Timestamp} followed by the raw body; the application's public key (hex) is shown in the
 * developer portal. The timestamp must also be within the allowed clock skew of now, so a captured request cannot be
 * replayed later. Pure: the clock is given.
 */
public final class DiscordSignature {

    /** Why a request was refused: a stable reason label and what was wrong, for the 401 answer. */
    public record Failure(String reason, String message) {}

    private static final HexFormat HEX = HexFormat.of();

    private final Ed25519PublicKeyParameters publicKey;
    private final Duration maxClockSkew;
    private final Clock clock;

    /**
     * @param publicKeyHex the application's public key, 64 hex digits
     * @throws IllegalArgumentException when it is not 64 hex digits
     */
    public DiscordSignature(String publicKeyHex, Duration maxClockSkew, Clock clock) {
        this.publicKey = new Ed25519PublicKeyParameters(parseKey(publicKeyHex), 0);
        this.maxClockSkew = maxClockSkew;
        this.clock = clock;
    }

    /**
     * Checks one request.
     *
     * @param timestamp the {@code X-Signature-Timestamp} header (Unix seconds), or null
     * @param signature the {@code X-Signature-Ed25519} header (128 hex digits), or null
     * @param body the raw request body, exactly as received
     * @return empty when Discord signed it, else why not
     */
    public Optional<Failure> check(String timestamp, String signature, byte[] body) {
        if (timestamp == null || timestamp.isBlank()) {
            return fail("missing_timestamp", "the X-Signature-Timestamp header is missing");
        }
        if (signature == null || signature.isBlank()) {
            return fail("missing_signature", "the X-Signature-Ed25519 header is missing");
        }
        byte[] signatureBytes;
        try {
            signatureBytes = HEX.parseHex(signature.strip());
        } catch (IllegalArgumentException e) {
            return fail("bad_signature", "X-Signature-Ed25519 is not hex");
        }
        if (signatureBytes.length != Ed25519PublicKeyParameters.KEY_SIZE * 2) {
            return fail(
                    "bad_signature",
                    "X-Signature-Ed25519 has " + signatureBytes.length + " bytes; an Ed25519 signature has 64");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return fail("bad_timestamp", "X-Signature-Timestamp is not a number of seconds since 1970");
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - Math.clamp(seconds, 0, Long.MAX_VALUE / 2));
        if (skew > maxClockSkew.toSeconds()) {
            return fail(
                    "stale_timestamp",
                    "X-Signature-Timestamp is " + skew + " s away from the gateway's clock; at most "
                            + maxClockSkew.toSeconds() + " s are accepted (a replayed request, or a wrong clock)");
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, publicKey);
        byte[] signed = timestamp.getBytes(StandardCharsets.UTF_8);
        verifier.update(signed, 0, signed.length);
        verifier.update(body, 0, body.length);
        if (!verifier.verifySignature(signatureBytes)) {
            return fail(
                    "bad_signature",
                    "X-Signature-Ed25519 does not match the request: not signed with the application's key, or a "
                            + "modified body");
        }
        return Optional.empty();
    }

    private static byte[] parseKey(String hex) {
        String text = hex == null ? "" : hex.strip();
        byte[] key;
        try {
            key = HEX.parseHex(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the Discord public key is not hex: give the application's PUBLIC KEY"
                    + " from the developer portal (64 hex digits)");
        }
        if (key.length != Ed25519PublicKeyParameters.KEY_SIZE) {
            throw new IllegalArgumentException("the Discord public key has " + text.length()
                    + " hex digits; the application's PUBLIC KEY from the developer portal has 64");
        }
        return key;
    }

    private static Optional<Failure> fail(String reason, String message) {
        return Optional.of(new Failure(reason, message));
    }
}

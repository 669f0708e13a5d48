package dev.uniwizard.mesh.core.signing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

/** Ed25519 key handling on BouncyCastle's lightweight API (raw 32-byte keys, base64 on disk). */
public final class Ed25519Keys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ed25519Keys() {}

    public static Ed25519PrivateKeyParameters generate() {
        return new Ed25519PrivateKeyParameters(RANDOM);
    }

    public static String encode(byte[] raw) {
        return Base64.getEncoder().encodeToString(raw);
    }

    public static Ed25519PublicKeyParameters decodePublic(String base64) {
        byte[] raw = decode(base64, "public key");
        if (raw.length != Ed25519PublicKeyParameters.KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, this one has " + raw.length);
        }
        return new Ed25519PublicKeyParameters(raw, 0);
    }

    public static Ed25519PrivateKeyParameters decodePrivate(String base64) {
        byte[] raw = decode(base64, "private key");
        if (raw.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 private key has 32 bytes, this one has " + raw.length);
        }
        return new Ed25519PrivateKeyParameters(raw, 0);
    }

    /** A short, stable id for a public key: {@code ed25519:} and the first 16 hex digits of its SHA-256. */
    public static String keyId(Ed25519PublicKeyParameters publicKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded());
            return "ed25519:" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    private static byte[] decode(String base64, String what) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        try {
            return Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not valid base64: " + e.getMessage(), e);
        }
    }
}

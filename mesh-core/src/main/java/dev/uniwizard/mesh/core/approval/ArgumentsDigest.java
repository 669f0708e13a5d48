package dev.uniwizard.mesh.core.approval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.uniwizard.mesh.core.canonical.CanonicalJson;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * {@code sha256:<hex>} of a tool call's arguments in RFC 8785 canonical JSON: the same arguments give the same digest
 * whatever their key order or number formatting, and any change in a value gives another. Approvals are bound to it.
 */
public final class ArgumentsDigest {

    private ArgumentsDigest() {}

    public static String of(JsonNode arguments) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return "sha256:" + HexFormat.of().formatHex(sha256.digest(CanonicalJson.toBytes(arguments)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}

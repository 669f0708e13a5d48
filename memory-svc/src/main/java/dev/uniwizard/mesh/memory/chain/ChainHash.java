package dev.uniwizard.mesh.memory.chain;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.uniwizard.mesh.core.canonical.CanonicalJson;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** {@code hash = SHA-256(prev_hash || canonical row)}, the canonical row being RFC 8785 JSON. */
public final class ChainHash {

    public static final int LENGTH = 32;

    /** The hash before the first link. */
    public static final byte[] GENESIS = new byte[LENGTH];

    private ChainHash() {}

    /** The canonical form of a row at position {@code chainSeq}: {"chainSeq":..,"row":{..},"source":".."}. */
    public static byte[] canonical(ChainSource source, long chainSeq, ObjectNode row) {
        ObjectNode link = JsonNodeFactory.instance.objectNode();
        link.put("source", source.table());
        link.put("chainSeq", chainSeq);
        link.set("row", row);
        return CanonicalJson.toBytes(link);
    }

    public static byte[] link(byte[] prevHash, ChainSource source, long chainSeq, ObjectNode row) {
        MessageDigest sha256 = sha256();
        sha256.update(prevHash);
        sha256.update(canonical(source, chainSeq, row));
        return sha256.digest();
    }

    public static String hex(byte[] hash) {
        return hash == null ? null : HexFormat.of().formatHex(hash);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}

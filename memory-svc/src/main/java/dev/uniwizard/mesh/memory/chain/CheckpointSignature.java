package dev.uniwizard.mesh.memory.chain;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.uniwizard.mesh.core.canonical.CanonicalJson;
import dev.uniwizard.mesh.core.signing.NodeKey;
import java.time.Instant;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * What a checkpoint's Ed25519 signature covers: the RFC 8785 JSON
 * {@code {"chainSeq":n,"hash":"<hex>","nodeId":"..","signedAt":"<ISO-8601 instant>"}}.
 */
public final class CheckpointSignature {

    private CheckpointSignature() {}

    /** The bytes signed for a checkpoint of position {@code chainSeq} whose hash is {@code hash}. */
    public static byte[] statement(long chainSeq, byte[] hash, String nodeId, Instant signedAt) {
        ObjectNode statement = JsonNodeFactory.instance.objectNode();
        statement.put("chainSeq", chainSeq);
        statement.put("hash", ChainHash.hex(hash));
        statement.put("nodeId", nodeId);
        statement.put("signedAt", signedAt.toString());
        return CanonicalJson.toBytes(statement);
    }

    public static byte[] sign(NodeKey key, byte[] statement) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key.privateKey());
        signer.update(statement, 0, statement.length);
        return signer.generateSignature();
    }

    public static boolean verify(Ed25519PublicKeyParameters publicKey, byte[] statement, byte[] signature) {
        if (signature == null) {
            return false;
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, publicKey);
        verifier.update(statement, 0, statement.length);
        return verifier.verifySignature(signature);
    }
}

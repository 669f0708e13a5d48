package dev.uniwizard.mesh.core.signing;

import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.core.trust.TrustedNode;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

/** A node's identity: its id, role and Ed25519 key pair. */
public record NodeKey(String nodeId, NodeRole role, Ed25519PrivateKeyParameters privateKey) {

    public static NodeKey generate(String nodeId, NodeRole role) {
        return new NodeKey(nodeId, role, Ed25519Keys.generate());
    }

    public Ed25519PublicKeyParameters publicKey() {
        return privateKey.generatePublicKey();
    }

    public String keyId() {
        return Ed25519Keys.keyId(publicKey());
    }

    /** The entry other nodes put into their trust store for this node. */
    public TrustedNode trusted() {
        return new TrustedNode(
                nodeId, role, keyId(), Ed25519Keys.encode(publicKey().getEncoded()));
    }

    @Override
    public String toString() {
        return "NodeKey[" + nodeId + ", " + role.wireName() + ", " + keyId() + "]";
    }
}

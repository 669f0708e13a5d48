package dev.uniwizard.mesh.core.trust;

/** A trust store entry: the node's role and its public key (raw 32 bytes, base64). */
public record TrustedNode(String nodeId, NodeRole role, String keyId, String publicKey) {}

package dev.uniwizard.mesh.core.trust;

import java.util.Optional;

/** Maps a node id to its role and public key. */
public interface TrustStore {

    Optional<TrustedNode> find(String nodeId);
}

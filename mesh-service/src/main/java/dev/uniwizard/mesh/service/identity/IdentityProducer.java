package dev.uniwizard.mesh.service.identity;

import dev.uniwizard.mesh.core.signing.EnvelopeSigner;
import dev.uniwizard.mesh.core.signing.EnvelopeVerifier;
import dev.uniwizard.mesh.core.signing.InMemoryReplayGuard;
import dev.uniwizard.mesh.core.signing.KeyFiles;
import dev.uniwizard.mesh.core.signing.NodeKey;
import dev.uniwizard.mesh.core.trust.FileTrustStore;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.core.trust.TrustStore;
import dev.uniwizard.mesh.service.config.MeshConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.time.Clock;
import org.jboss.logging.Logger;

/** This node's key, signer, trust store and verifier, from {@code mesh.identity.*}. */
public class IdentityProducer {

    private static final Logger LOG = Logger.getLogger(IdentityProducer.class);

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    NodeKey nodeKey(MeshConfig config) {
        MeshConfig.Identity identity = config.identity();
        if (!Files.exists(identity.keyFile()) && identity.generateIfMissing()) {
            NodeRole role = NodeRole.fromWire(identity.role()
                    .orElseThrow(() ->
                            new IllegalStateException("mesh.identity.generate-if-missing needs mesh.identity.role")));
            NodeKey generated = NodeKey.generate(config.nodeId(), role);
            KeyFiles.write(identity.keyFile(), generated, false);
            FileTrustStore.put(identity.trustStore(), generated.trusted());
            LOG.warnf(
                    "generated a development key for %s at %s and trusted it in %s",
                    generated, identity.keyFile(), identity.trustStore());
        }
        NodeKey key = KeyFiles.read(identity.keyFile());
        if (!key.nodeId().equals(config.nodeId())) {
            throw new IllegalStateException("key file " + identity.keyFile() + " belongs to node '" + key.nodeId()
                    + "' but this service runs as mesh.node-id='" + config.nodeId() + "'");
        }
        LOG.infof("node identity %s", key);
        return key;
    }

    @Produces
    @Singleton
    EnvelopeSigner signer(NodeKey key, Clock clock) {
        return new EnvelopeSigner(key, clock);
    }

    @Produces
    @Singleton
    TrustStore trustStore(MeshConfig config, Clock clock, NodeKey self) {
        MeshConfig.Identity identity = config.identity();
        if (!Files.exists(identity.trustStore())) {
            throw new IllegalStateException("trust store " + identity.trustStore() + " does not exist; create it with "
                    + "'./wizard keys gen' (./mesh up does this for a local mesh)");
        }
        FileTrustStore store = new FileTrustStore(identity.trustStore(), clock, identity.trustStoreRecheck());
        if (store.find(self.nodeId())
                .filter(node -> node.keyId().equals(self.keyId()))
                .isEmpty()) {
            LOG.warnf(
                    "trust store %s does not hold this node's key %s: other nodes will reject what it sends",
                    identity.trustStore(), self.keyId());
        }
        return store;
    }

    @Produces
    @Singleton
    EnvelopeVerifier verifier(TrustStore trustStore, Clock clock, MeshConfig config) {
        return new EnvelopeVerifier(
                trustStore,
                new InMemoryReplayGuard(clock, config.identity().maxClockSkew()),
                clock,
                config.identity().maxClockSkew());
    }
}

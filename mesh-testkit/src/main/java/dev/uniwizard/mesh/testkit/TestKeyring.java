package dev.uniwizard.mesh.testkit;

import dev.uniwizard.mesh.core.signing.EnvelopeSigner;
import dev.uniwizard.mesh.core.signing.KeyFiles;
import dev.uniwizard.mesh.core.signing.NodeKey;
import dev.uniwizard.mesh.core.trust.FileTrustStore;
import dev.uniwizard.mesh.core.trust.NodeRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keys for tests: one trust store per JVM in a temporary folder, with a key per node id on demand. A test can sign as
 * any trusted node (e.g. act as the router towards a house) or as {@link #INTRUDER}, whose key is never trusted.
 */
public final class TestKeyring {

    public static final String INTRUDER = "intruder";

    private final Path dir;
    private final Map<String, NodeKey> keys = new ConcurrentHashMap<>();

    /** Test nodes every keyring trusts from the start, so services under test know them without a reload. */
    public static final Map<String, NodeRole> STANDARD_NODES = Map.of(
            "gateway-test", NodeRole.GATEWAY,
            "router-test", NodeRole.ROUTER,
            "memory-test", NodeRole.SERVICE,
            "scheduler-test", NodeRole.SERVICE,
            "observatory-test", NodeRole.SERVICE,
            "timmy-test", NodeRole.HOUSE,
            "ezra-test", NodeRole.HOUSE,
            "bezalel-test", NodeRole.HOUSE);

    private static final TestKeyring SHARED = new TestKeyring();

    private TestKeyring() {
        try {
            dir = Files.createTempDirectory("mesh-test-keys");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        STANDARD_NODES.forEach(this::key);
    }

    public static TestKeyring shared() {
        return SHARED;
    }

    public Path trustStore() {
        return dir.resolve("trust.json");
    }

    /** The key file of a trusted node, created on first use. */
    public synchronized Path keyFile(String nodeId, NodeRole role) {
        NodeKey key = key(nodeId, role);
        Path file = dir.resolve(nodeId + ".key");
        if (!Files.exists(file)) {
            KeyFiles.write(file, key, false);
        }
        return file;
    }

    /** A trusted node's key, created and trusted on first use. */
    public synchronized NodeKey key(String nodeId, NodeRole role) {
        NodeKey key = keys.computeIfAbsent(nodeId, id -> NodeKey.generate(id, role));
        if (key.role() != role) {
            throw new IllegalArgumentException("test node " + nodeId + " already exists as " + key.role());
        }
        if (!INTRUDER.equals(nodeId)
                && FileTrustStore.read(trustStore()).nodes().get(nodeId) == null) {
            FileTrustStore.put(trustStore(), key.trusted());
        }
        return key;
    }

    public EnvelopeSigner signer(String nodeId, NodeRole role) {
        return new EnvelopeSigner(key(nodeId, role), Clock.systemUTC());
    }

    /** A signer whose key is not in the trust store. */
    public EnvelopeSigner intruder() {
        return signer(INTRUDER, NodeRole.GATEWAY);
    }
}

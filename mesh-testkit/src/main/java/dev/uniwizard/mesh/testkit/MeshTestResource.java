package dev.uniwizard.mesh.testkit;

import dev.uniwizard.mesh.core.trust.NodeRole;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Wires a service under test to the real local NATS and (optionally) PostgreSQL, in a namespace of its own: its own
 * subject root and stream prefix, its own database, and a key from the shared {@link TestKeyring}.
 *
 * <p>Init args: {@code node} (node id, required), {@code role} (gateway|router|house|service, required),
 * {@code database} ({@code true} to create a database and point the datasource at it).
 */
public class MeshTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile TestNamespace current;

    private String node;
    private NodeRole role;
    private boolean database;
    private TestNamespace namespace;
    private TestDatabase testDatabase;

    /** The namespace of the service started last in this JVM. */
    public static TestNamespace currentNamespace() {
        if (current == null) {
            throw new IllegalStateException("no MeshTestResource has started");
        }
        return current;
    }

    @Override
    public void init(Map<String, String> initArgs) {
        node = require(initArgs, "node");
        role = NodeRole.fromWire(require(initArgs, "role"));
        database = Boolean.parseBoolean(initArgs.getOrDefault("database", "false"));
    }

    @Override
    public Map<String, String> start() {
        namespace = TestNamespace.create();
        current = namespace;
        TestKeyring keys = TestKeyring.shared();
        Map<String, String> config = new HashMap<>();
        config.put("mesh.node-id", node);
        config.put("mesh.nats.url", LocalServers.natsUrl());
        config.put("mesh.nats.subject-root", namespace.subjectRoot());
        config.put("mesh.nats.stream-prefix", namespace.streamPrefix());
        config.put("mesh.identity.key-file", keys.keyFile(node, role).toString());
        config.put("mesh.identity.trust-store", keys.trustStore().toString());
        config.put("quarkus.devservices.enabled", "false");
        if (database) {
            testDatabase = TestDatabase.create();
            config.put("quarkus.datasource.jdbc.url", testDatabase.jdbcUrl());
            config.put("quarkus.datasource.username", LocalServers.pgUser());
            config.put("quarkus.datasource.password", LocalServers.pgPassword());
        }
        return config;
    }

    @Override
    public void stop() {
        if (namespace != null) {
            namespace.deleteStreams();
        }
        if (testDatabase != null) {
            testDatabase.drop();
        }
    }

    private static String require(Map<String, String> args, String name) {
        String value = args.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("MeshTestResource needs the init arg '" + name + "'");
        }
        return value;
    }
}

package dev.uniwizard.mesh.cli.keys;

import dev.uniwizard.mesh.cli.CliError;
import dev.uniwizard.mesh.cli.ExitCodes;
import dev.uniwizard.mesh.core.signing.KeyFiles;
import dev.uniwizard.mesh.core.signing.NodeKey;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.FileTrustStore;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.core.trust.TrustedNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code wizard keys gen}: creates a node key and puts its public key into the trust store. Idempotent: an existing key
 * is kept (and re-added to the trust store) unless {@code --replace} rotates it.
 */
@Command(
        name = "gen",
        mixinStandardHelpOptions = true,
        description = {
            "Generate a node key <dir>/<nodeId>.key (mode 600) and add the node to the trust store.",
            "An existing key is kept and re-added to the trust store; --replace rotates it."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:key generated, rotated or kept",
            "1:key or trust file cannot be read or written",
            "2:invalid node id or role, or an existing key that does not match"
        })
public final class KeysGenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--node",
            required = true,
            paramLabel = "<nodeId>",
            description = "node id, e.g. ezra-1 (lower-case letters, digits, '_' or '-')")
    String nodeId;

    @Option(
            names = "--role",
            required = true,
            paramLabel = "<role>",
            converter = RoleConverter.class,
            description = "gateway, router, house or service")
    NodeRole role;

    @Option(names = "--dir", required = true, paramLabel = "<dir>", description = "key directory, e.g. run/keys")
    Path dir;

    @Option(
            names = "--trust-store",
            paramLabel = "<file>",
            description = "trust store to update (default: <dir>/" + KeysCommand.TRUST_FILE + ")")
    Path trustStore;

    @Option(names = "--replace", description = "rotate: overwrite an existing key with a new one")
    boolean replace;

    @Override
    public Integer call() {
        if (!Subjects.isToken(nodeId)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "node id '" + nodeId + "' is not valid: use 1-64 lower-case letters, digits, '_' or '-', "
                            + "starting with a letter or digit");
        }
        Path keyDir = dir.toAbsolutePath().normalize();
        Path keyFile = keyDir.resolve(nodeId + ".key");
        Path trustFile = trustStore == null
                ? keyDir.resolve(KeysCommand.TRUST_FILE)
                : trustStore.toAbsolutePath().normalize();
        PrintWriter out = spec.commandLine().getOut();

        if (Files.exists(keyFile) && !replace) {
            NodeKey existing = readExisting(keyFile);
            checkMatches(existing, keyFile);
            boolean added = ensureTrusted(trustFile, existing.trusted());
            out.println("kept existing key for " + nodeId + " (pass --replace to rotate it)");
            print(out, existing, keyFile, trustFile, added ? "re-added" : "already present");
            return ExitCodes.OK;
        }

        String previousKeyId = replace && Files.exists(keyFile) ? previousKeyId(keyFile) : null;
        createPrivateDirectory(keyDir);
        NodeKey key = NodeKey.generate(nodeId, role);
        KeyFiles.write(keyFile, key, replace);
        try {
            FileTrustStore.put(trustFile, key.trusted());
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    e.getMessage() + "; the key file was written: run the same command without --replace to retry", e);
        }
        out.println(
                previousKeyId == null
                        ? "generated key for " + nodeId
                        : "rotated key for " + nodeId + " (previous keyId " + previousKeyId + ")");
        print(out, key, keyFile, trustFile, "updated");
        if (previousKeyId != null) {
            out.println("next: distribute " + trustFile.getFileName() + " to every node and restart the services");
        }
        return ExitCodes.OK;
    }

    /** An existing key must be the node and role asked for: keeping a different one silently would hide a mistake. */
    private void checkMatches(NodeKey existing, Path keyFile) {
        if (!existing.nodeId().equals(nodeId) || existing.role() != role) {
            throw new ParameterException(
                    spec.commandLine(),
                    "existing key file " + keyFile + " is for node " + existing.nodeId() + " with role "
                            + existing.role().wireName() + ", not " + nodeId + " with role " + role.wireName()
                            + "; pass --replace to overwrite it");
        }
    }

    /** Puts the node into the trust store unless it is there already; true if the file was changed. */
    private static boolean ensureTrusted(Path trustFile, TrustedNode node) {
        FileTrustStore.Entry current = FileTrustStore.read(trustFile).nodes().get(node.nodeId());
        if (current != null
                && current.role() == node.role()
                && node.publicKey().equals(current.publicKey())
                && node.keyId().equals(current.keyId())) {
            return false;
        }
        FileTrustStore.put(trustFile, node);
        return true;
    }

    private static NodeKey readExisting(Path keyFile) {
        try {
            return KeyFiles.read(keyFile);
        } catch (RuntimeException e) {
            throw CliError.failure(e.getMessage() + "; pass --replace to overwrite it with a new key", e);
        }
    }

    private static String previousKeyId(Path keyFile) {
        try {
            return KeyFiles.read(keyFile).keyId();
        } catch (RuntimeException e) {
            return "unreadable";
        }
    }

    private static void createPrivateDirectory(Path keyDir) {
        if (Files.isDirectory(keyDir)) {
            return;
        }
        try {
            Files.createDirectories(keyDir);
            Files.setPosixFilePermissions(keyDir, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory keeps the default permissions
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create key directory " + keyDir + ": " + e.getMessage(), e);
        }
    }

    private static void print(PrintWriter out, NodeKey key, Path keyFile, Path trustFile, String trustState) {
        out.println("  node:        " + key.nodeId());
        out.println("  role:        " + key.role().wireName());
        out.println("  keyId:       " + key.keyId());
        out.println("  key file:    " + keyFile);
        out.println("  trust store: " + trustFile + " (" + trustState + ")");
    }
}

package dev.uniwizard.mesh.core.signing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.trust.NodeRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A node key file: JSON {@code {"nodeId", "role", "keyId", "publicKey", "privateKey"}} (keys raw, base64), written with
 * mode 600.
 */
public final class KeyFiles {

    private static final ObjectMapper MAPPER = EnvelopeCodec.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);

    /** The file's shape. */
    public record KeyFile(String nodeId, NodeRole role, String keyId, String publicKey, String privateKey) {}

    private KeyFiles() {}

    public static NodeKey read(Path path) {
        KeyFile file;
        try {
            file = MAPPER.readValue(Files.readAllBytes(path), KeyFile.class);
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("node key file " + path + " does not exist; create it with "
                    + "'./wizard keys gen --node <nodeId> --role <role> --dir " + path.getParent() + "'");
        } catch (IOException e) {
            throw new UncheckedIOException("node key file " + path + " is not valid: " + e.getMessage(), e);
        }
        if (file.nodeId() == null || file.role() == null || file.privateKey() == null) {
            throw new IllegalStateException("node key file " + path + " needs nodeId, role and privateKey");
        }
        NodeKey key = new NodeKey(file.nodeId(), file.role(), Ed25519Keys.decodePrivate(file.privateKey()));
        if (file.publicKey() != null
                && !file.publicKey().equals(Ed25519Keys.encode(key.publicKey().getEncoded()))) {
            throw new IllegalStateException(
                    "node key file " + path + ": publicKey does not belong to privateKey; the file is corrupt");
        }
        return key;
    }

    /** Writes a key file; refuses to overwrite unless {@code replace} is set. */
    public static void write(Path path, NodeKey key, boolean replace) {
        KeyFile file = new KeyFile(
                key.nodeId(),
                key.role(),
                key.keyId(),
                Ed25519Keys.encode(key.publicKey().getEncoded()),
                Ed25519Keys.encode(key.privateKey().getEncoded()));
        try {
            Path parent = path.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            if (Files.exists(path) && !replace) {
                throw new FileAlreadyExistsException(path.toString(), null, "key file exists; pass replace to rotate");
            }
            Path tmp = Files.createTempFile(parent, ".key", ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the file keeps the default permissions
            }
            Files.write(tmp, MAPPER.writeValueAsBytes(file));
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write node key file " + path + ": " + e.getMessage(), e);
        }
    }
}

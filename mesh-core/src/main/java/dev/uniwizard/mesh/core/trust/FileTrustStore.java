package dev.uniwizard.mesh.core.trust;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.signing.Ed25519Keys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A trust store kept in a JSON file: {@code {"nodes": {"<nodeId>": {"role": ..., "keyId": ..., "publicKey": ...}}}}.
 * The file is read again when it changes (checked at most every {@code recheck}), so a key can be added or revoked
 * without a restart. A file that cannot be read keeps the last good content and says so.
 */
public final class FileTrustStore implements TrustStore {

    private static final ObjectMapper MAPPER = EnvelopeCodec.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);

    /** The file's shape. */
    public record TrustFile(Map<String, Entry> nodes) {
        public TrustFile {
            nodes = nodes == null ? new TreeMap<>() : new TreeMap<>(nodes);
        }
    }

    /** One node in the file. */
    public record Entry(NodeRole role, String keyId, String publicKey) {}

    private final Path path;
    private final Clock clock;
    private final Duration recheck;
    private volatile Map<String, TrustedNode> nodes;
    private volatile FileTime loadedModified;
    private volatile Instant nextCheck;

    public FileTrustStore(Path path, Clock clock, Duration recheck) {
        this.path = path;
        this.clock = clock;
        this.recheck = recheck;
        this.nodes = load(path);
        this.loadedModified = modified(path);
        this.nextCheck = clock.instant().plus(recheck);
    }

    @Override
    public Optional<TrustedNode> find(String nodeId) {
        reloadIfChanged();
        return Optional.ofNullable(nodes.get(nodeId));
    }

    public int size() {
        return nodes.size();
    }

    private void reloadIfChanged() {
        Instant now = clock.instant();
        if (now.isBefore(nextCheck)) {
            return;
        }
        nextCheck = now.plus(recheck);
        FileTime modified = modified(path);
        if (modified != null && !modified.equals(loadedModified)) {
            try {
                nodes = load(path);
                loadedModified = modified;
            } catch (RuntimeException e) {
                System.getLogger(FileTrustStore.class.getName())
                        .log(
                                System.Logger.Level.ERROR,
                                "trust store " + path + " changed but cannot be read; " + "keeping the previous "
                                        + nodes.size() + " node(s): " + e.getMessage());
            }
        }
    }

    private static FileTime modified(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException e) {
            return null;
        }
    }

    static Map<String, TrustedNode> load(Path path) {
        TrustFile file = read(path);
        Map<String, TrustedNode> result = new TreeMap<>();
        file.nodes().forEach((nodeId, entry) -> {
            if (entry == null || entry.role() == null || entry.publicKey() == null) {
                throw new IllegalArgumentException(
                        "trust store " + path + ": node '" + nodeId + "' needs role and publicKey");
            }
            String keyId = Ed25519Keys.keyId(Ed25519Keys.decodePublic(entry.publicKey()));
            if (entry.keyId() != null && !entry.keyId().equals(keyId)) {
                throw new IllegalArgumentException("trust store " + path + ": node '" + nodeId + "' has keyId "
                        + entry.keyId() + " but its public key's id is " + keyId);
            }
            result.put(nodeId, new TrustedNode(nodeId, entry.role(), keyId, entry.publicKey()));
        });
        return Map.copyOf(result);
    }

    /** Reads the file; a missing file is an empty trust store. */
    public static TrustFile read(Path path) {
        try {
            return MAPPER.readValue(Files.readAllBytes(path), TrustFile.class);
        } catch (NoSuchFileException e) {
            return new TrustFile(Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException("trust store " + path + " is not valid: " + e.getMessage(), e);
        }
    }

    /** Adds or replaces one node's entry, writing the file atomically. */
    public static synchronized void put(Path path, TrustedNode node) {
        TrustFile current = read(path);
        Map<String, Entry> nodes = new TreeMap<>(current.nodes());
        nodes.put(node.nodeId(), new Entry(node.role(), node.keyId(), node.publicKey()));
        try {
            Path parent = path.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, ".trust", ".tmp");
            Files.write(tmp, MAPPER.writeValueAsBytes(new TrustFile(nodes)));
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write trust store " + path + ": " + e.getMessage(), e);
        }
    }
}

package dev.uniwizard.mesh.e2e.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The repository's files the deploy checks read: the repository root comes from the system property
 * {@code mesh.repo.dir} (set by Maven), else from walking up from the working directory to the folder holding
 * {@code deploy/prometheus/prometheus.yml}.
 */
final class RepoFiles {

    static final String PROMETHEUS_CONFIG = "deploy/prometheus/prometheus.yml";

    private RepoFiles() {}

    static Path root() {
        String property = System.getProperty("mesh.repo.dir");
        if (property != null && !property.isBlank()) {
            Path root = Path.of(property).toAbsolutePath().normalize();
            if (Files.exists(root.resolve(PROMETHEUS_CONFIG))) {
                return root;
            }
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(PROMETHEUS_CONFIG))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root (a folder with " + PROMETHEUS_CONFIG
                + ") from mesh.repo.dir=" + property + " or " + Path.of("").toAbsolutePath());
    }

    /** The files directly in {@code dir} (relative to the root) whose names end with {@code suffix}, sorted. */
    static List<Path> list(String dir, String suffix) {
        Path folder = root().resolve(dir);
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(suffix))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    /** The path as shown in messages: relative to the repository root. */
    static String show(Path file) {
        Path root = root();
        return file.startsWith(root) ? root.relativize(file).toString() : file.toString();
    }
}

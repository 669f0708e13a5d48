package dev.uniwizard.mesh.house.tools.workspace;

import dev.uniwizard.mesh.house.config.HouseConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The directories a house's file and git tools may touch ({@code house.workspace.roots}). Every path a tool is given
 * goes through {@link #resolve(String)}: relative paths are taken from the first root, absolute ones must lie inside
 * a root, {@code ..} cannot climb out, and a symbolic link that leads outside is refused.
 */
@Singleton
public class Workspace {

    private final List<Path> roots;

    @Inject
    public Workspace(HouseConfig config) {
        this(config.workspace().roots().orElse(List.of()));
    }

    public Workspace(List<Path> roots) {
        this.roots =
                roots.stream().map(root -> root.toAbsolutePath().normalize()).toList();
    }

    public boolean configured() {
        return !roots.isEmpty();
    }

    public List<Path> roots() {
        return roots;
    }

    /** The first root, where relative paths start. */
    public Path defaultRoot() throws WorkspaceException {
        if (roots.isEmpty()) {
            throw new WorkspaceException("this house has no workspace: set house.workspace.roots to the directories"
                    + " its file and git tools may use");
        }
        return roots.getFirst();
    }

    /** An absolute, normalized path inside a root, or why it is not allowed. Does not require the path to exist. */
    public Path resolve(String path) throws WorkspaceException {
        if (path == null || path.isBlank()) {
            throw new WorkspaceException("the path is empty");
        }
        if (path.indexOf('\0') >= 0) {
            throw new WorkspaceException("the path contains a NUL character");
        }
        Path given = Path.of(path.strip());
        Path absolute = (given.isAbsolute() ? given : defaultRoot().resolve(given)).normalize();
        Path root = rootOf(absolute)
                .orElseThrow(() ->
                        new WorkspaceException("'" + path + "' is outside the workspace (" + describeRoots() + ")"));
        Path real = realPathOfExistingPart(absolute);
        Path realRoot = realPathOfExistingPart(root);
        if (!real.startsWith(realRoot)) {
            throw new WorkspaceException("'" + path + "' leads outside the workspace through a symbolic link");
        }
        return absolute;
    }

    /**
     * The path as permission rules and gates see it: relative to its root, with {@code /} separators (e.g.
     * {@code docs/guide.md}); the input unchanged when it cannot be resolved (the tool will then refuse it).
     */
    public String displayPath(String path) {
        try {
            Path absolute = resolve(path);
            Path root = rootOf(absolute).orElseThrow();
            String relative = root.relativize(absolute).toString().replace('\\', '/');
            return relative.isEmpty() ? "." : relative;
        } catch (WorkspaceException e) {
            return path;
        }
    }

    /** The display form of an absolute path inside the workspace. */
    public String displayPath(Path absolute) {
        Path normalized = absolute.toAbsolutePath().normalize();
        return rootOf(normalized)
                .map(root -> {
                    String relative = root.relativize(normalized).toString().replace('\\', '/');
                    return relative.isEmpty() ? "." : relative;
                })
                .orElse(normalized.toString());
    }

    private Optional<Path> rootOf(Path absolute) {
        return roots.stream().filter(absolute::startsWith).findFirst();
    }

    private String describeRoots() {
        return roots.isEmpty() ? "none configured" : "roots: " + roots;
    }

    /** The real path of the longest existing prefix, with the rest appended: follows links that exist. */
    private static Path realPathOfExistingPart(Path absolute) throws WorkspaceException {
        Path existing = absolute;
        Path rest = Path.of("");
        while (existing != null && !Files.exists(existing)) {
            rest = existing.getFileName().resolve(rest);
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(rest).normalize();
        } catch (IOException e) {
            throw new WorkspaceException("cannot check '" + absolute + "': " + e.getMessage());
        }
    }
}

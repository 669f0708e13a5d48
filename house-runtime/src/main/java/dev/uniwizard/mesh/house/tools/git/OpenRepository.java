package dev.uniwizard.mesh.house.tools.git;

import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;

/**
 * A repository opened for one tool call; closing it releases JGit's files.
 *
 * @param repository the JGit repository
 * @param workTree its working tree, absolute and normalized, inside the workspace
 * @param display the working tree as the workspace shows it (e.g. {@code .} or {@code projects/wizard})
 */
public record OpenRepository(Repository repository, Path workTree, String display) implements AutoCloseable {

    /** A porcelain view of the repository; it shares the repository and needs no closing of its own. */
    public Git git() {
        return Git.wrap(repository);
    }

    @Override
    public void close() {
        repository.close();
    }
}

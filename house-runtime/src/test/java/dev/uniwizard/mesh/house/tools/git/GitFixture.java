package dev.uniwizard.mesh.house.tools.git;

import dev.uniwizard.mesh.house.config.HouseConfig;
import dev.uniwizard.mesh.house.config.HouseConfigs;
import dev.uniwizard.mesh.house.tools.ToolCall;
import dev.uniwizard.mesh.house.tools.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** A real git repository in a temporary workspace root, and the house config around it. */
final class GitFixture implements AutoCloseable {

    static final PersonIdent ALICE = new PersonIdent("Alice", "alice@example.org");

    final Path root;
    final Git git;
    final HouseConfig config;
    final GitRepositories repositories;

    private GitFixture(Path root, Git git, HouseConfig config) {
        this.root = root;
        this.git = git;
        this.config = config;
        this.repositories = new GitRepositories(new Workspace(config));
    }

    /** A repository on branch main at the workspace root. */
    static GitFixture init(Path root) throws GitAPIException {
        return init(root, root, Map.of());
    }

    /** A repository at {@code repo} (inside or equal to the workspace root {@code root}), with extra properties. */
    static GitFixture init(Path root, Path repo, Map<String, String> properties) throws GitAPIException {
        Map<String, String> all = new HashMap<>(properties);
        all.put("house.workspace.roots", root.toString());
        Git git =
                Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call();
        return new GitFixture(root, git, HouseConfigs.of(all));
    }

    Path write(String path, String content) throws IOException {
        Path file = git.getRepository().getWorkTree().toPath().resolve(path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    void delete(String path) throws IOException {
        Files.delete(git.getRepository().getWorkTree().toPath().resolve(path));
    }

    /** Writes the file, stages everything and commits as Alice. */
    RevCommit commit(String path, String content, String message) throws IOException, GitAPIException {
        write(path, content);
        git.add().addFilepattern(".").call();
        git.add().setUpdate(true).addFilepattern(".").call();
        return git.commit()
                .setMessage(message)
                .setAuthor(ALICE)
                .setCommitter(ALICE)
                .setSign(false)
                .call();
    }

    static ToolCall call(String tool, String... keyValues) {
        Map<String, String> arguments = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            arguments.put(keyValues[i], keyValues[i + 1]);
        }
        return new ToolCall(tool, arguments);
    }

    @Override
    public void close() {
        git.close();
    }
}

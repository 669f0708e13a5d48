package dev.uniwizard.mesh.house.tools.git;

import dev.uniwizard.mesh.house.tools.ToolCall;
import dev.uniwizard.mesh.house.tools.ToolParameter;
import dev.uniwizard.mesh.house.tools.workspace.Workspace;
import dev.uniwizard.mesh.house.tools.workspace.WorkspaceException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Opens the git repository a git tool call names with its {@code repo} parameter (a workspace path, default the first
 * workspace root) and turns workspace paths into paths inside that repository. The search for {@code .git} never climbs
 * above the workspace root, and a repository whose working tree lies outside the workspace is refused.
 */
@Singleton
public class GitRepositories {

    /** The name of the parameter every git tool takes. */
    public static final String REPO = "repo";

    /** The {@code repo} parameter as every git tool declares it. */
    public static final ToolParameter REPO_PARAMETER = ToolParameter.optional(
            REPO, "workspace path of the repository or of a directory inside it; default the workspace's first root");

    private final Workspace workspace;

    @Inject
    public GitRepositories(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Opens the repository of {@code call}; the caller closes it. */
    public OpenRepository open(ToolCall call) throws GitToolException {
        String given = call.argument(REPO).orElse(null);
        Path start = resolveStart(given);
        String shown = given == null ? "the workspace root" : "'" + given + "'";
        if (!Files.isDirectory(start)) {
            throw new GitToolException(shown + " is not a directory in the workspace");
        }
        Path root = workspace.roots().stream()
                .filter(start::startsWith)
                .findFirst()
                .orElseThrow(() -> new GitToolException(shown + " is outside the workspace"));
        FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true);
        if (root.getParent() != null) {
            builder.addCeilingDirectory(root.getParent().toFile());
        }
        builder.findGitDir(start.toFile());
        if (builder.getGitDir() == null) {
            throw new GitToolException(shown + " (" + workspace.displayPath(start)
                    + ") is not a git repository, nor inside one within the workspace");
        }
        Repository repository;
        try {
            repository = builder.build();
        } catch (IOException | IllegalArgumentException e) {
            throw new GitToolException(
                    "cannot open the git repository at " + workspace.displayPath(start) + ": " + e.getMessage());
        }
        if (repository.isBare()) {
            repository.close();
            throw new GitToolException(
                    "the repository at " + workspace.displayPath(start) + " is bare: git tools need a working tree");
        }
        Path workTree = repository.getWorkTree().toPath().toAbsolutePath().normalize();
        try {
            workspace.resolve(workTree.toString());
        } catch (WorkspaceException e) {
            repository.close();
            throw new GitToolException("the git repository of " + shown + " has its working tree at " + workTree
                    + ", outside the workspace");
        }
        return new OpenRepository(repository, workTree, workspace.displayPath(workTree));
    }

    /**
     * The repository as permission rules see it: the {@code repo} argument as a workspace display path, or {@code .}
     * for the default root.
     */
    public String target(ToolCall call) {
        return call.argument(REPO).map(workspace::displayPath).orElse(".");
    }

    /**
     * A workspace path as a path inside the repository, with {@code /} separators; empty for the working tree
     * itself.
     */
    public String pathInRepository(OpenRepository repo, String workspacePath) throws GitToolException {
        Path absolute = resolve(workspacePath);
        if (!absolute.startsWith(repo.workTree())) {
            throw new GitToolException("'" + workspacePath + "' is outside the repository at " + repo.display() + " ("
                    + repo.workTree() + ")");
        }
        String relative = repo.workTree().relativize(absolute).toString().replace('\\', '/');
        if (relative.equals(".git") || relative.startsWith(".git/")) {
            throw new GitToolException("'" + workspacePath + "' is inside the repository's .git directory");
        }
        return relative;
    }

    private Path resolveStart(String given) throws GitToolException {
        try {
            return given == null ? workspace.defaultRoot() : workspace.resolve(given);
        } catch (WorkspaceException e) {
            throw new GitToolException(e.getMessage());
        }
    }

    private Path resolve(String path) throws GitToolException {
        try {
            return workspace.resolve(path);
        } catch (WorkspaceException e) {
            throw new GitToolException(e.getMessage());
        }
    }
}

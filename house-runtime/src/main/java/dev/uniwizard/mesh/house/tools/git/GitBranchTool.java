package dev.uniwizard.mesh.house.tools.git;

import dev.uniwizard.mesh.house.tools.ParamType;
import dev.uniwizard.mesh.house.tools.Tool;
import dev.uniwizard.mesh.house.tools.ToolCall;
import dev.uniwizard.mesh.house.tools.ToolParameter;
import dev.uniwizard.mesh.house.tools.ToolResult;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Lists the local branches of a repository and marks the current one; with {@code create} it first creates a branch at
 * HEAD, and with {@code checkout=true} also switches to it. Only a call with {@code create} changes anything.
 */
@Singleton
public class GitBranchTool implements Tool {

    public static final String NAME = "git_branch";

    private final GitRepositories repositories;

    @Inject
    public GitBranchTool(GitRepositories repositories) {
        this.repositories = repositories;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Lists the local branches of a git repository, marking the current one with '*'; create=<name> makes"
                + " a new branch at HEAD and checkout=true switches to it.";
    }

    @Override
    public List<ToolParameter> parameters() {
        return List.of(
                GitRepositories.REPO_PARAMETER,
                ToolParameter.optional("create", "name of a new branch to create at the current commit"),
                ToolParameter.optional(
                        "checkout",
                        ParamType.BOOLEAN,
                        "with create: true to switch to the new branch (uncommitted changes are kept); default"
                                + " false"));
    }

    /** Not read-only as a tool: a call with {@code create} makes a branch (see {@link #sideEffects(ToolCall)}). */
    @Override
    public boolean readOnly() {
        return false;
    }

    @Override
    public boolean sideEffects(ToolCall call) {
        return call.argument("create").isPresent();
    }

    @Override
    public Optional<String> target(ToolCall call) {
        return Optional.of(repositories.target(call));
    }

    @Override
    public ToolResult execute(ToolCall call) {
        Optional<String> create = call.argument("create").map(String::strip);
        boolean checkout = call.bool("checkout", false);
        if (checkout && create.isEmpty()) {
            return ToolResult.failure(
                    NAME + ": checkout=true needs create=<name>; git_branch only switches to a" + " branch it creates");
        }
        if (create.isPresent() && !Repository.isValidRefName(Constants.R_HEADS + create.get())) {
            return ToolResult.failure(NAME + ": '" + create.get() + "' is not a valid branch name (no spaces, '..',"
                    + " '~', '^', ':', '?', '*', '[', backslash; no leading '-', no trailing '/' or '.lock')");
        }
        OpenRepository opened = null;
        try (OpenRepository repo = repositories.open(call)) {
            opened = repo;
            Repository repository = repo.repository();
            List<String> lines = new ArrayList<>();
            if (create.isPresent()) {
                String name = create.get();
                ObjectId head = repository.resolve(Constants.HEAD);
                if (head == null) {
                    return ToolResult.failure(NAME + ": cannot create branch '" + name + "' in " + repo.display()
                            + ": there is no commit yet (commit first with git_commit)");
                }
                if (repository.exactRef(Constants.R_HEADS + name) != null) {
                    return ToolResult.failure(NAME + ": branch '" + name + "' already exists in " + repo.display());
                }
                repo.git().branchCreate().setName(name).call();
                lines.add("created branch " + name + " at " + head.abbreviate(7).name());
                if (checkout) {
                    repo.git().checkout().setName(name).call();
                    lines.add("switched to " + name);
                }
            }
            lines.addAll(listing(repo));
            return ToolResult.ok(String.join("\n", lines));
        } catch (GitToolException e) {
            return ToolResult.failure(NAME + ": " + e.getMessage());
        } catch (GitAPIException | JGitInternalException | IOException e) {
            return GitErrors.failure(NAME, opened, e);
        }
    }

    private static List<String> listing(OpenRepository repo) throws GitAPIException, IOException {
        Repository repository = repo.repository();
        String current = repository.getFullBranch();
        List<Ref> branches = repo.git().branchList().call();
        List<String> lines = new ArrayList<>();
        lines.add("branches of " + repo.display() + ":");
        if (branches.isEmpty()) {
            lines.add("  none yet: HEAD is on " + Repository.shortenRefName(current) + ", which has no commits");
            return lines;
        }
        if (current != null && !current.startsWith(Constants.R_HEADS)) {
            lines.add("* (HEAD detached at " + current.substring(0, Math.min(7, current.length())) + ")");
        }
        try (RevWalk walk = new RevWalk(repository)) {
            for (Ref branch : branches) {
                String marker = branch.getName().equals(current) ? "* " : "  ";
                RevCommit commit = walk.parseCommit(branch.getObjectId());
                lines.add(marker + Repository.shortenRefName(branch.getName()) + " "
                        + commit.abbreviate(7).name() + " " + commit.getShortMessage());
            }
        }
        return lines;
    }
}

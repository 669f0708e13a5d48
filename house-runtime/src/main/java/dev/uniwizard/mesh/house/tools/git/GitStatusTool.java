package dev.uniwizard.mesh.house.tools.git;

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
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryState;

/** Shows the branch and which files are staged, modified, untracked or in conflict, like {@code git status}. */
@Singleton
public class GitStatusTool implements Tool {

    public static final String NAME = "git_status";

    /** Longest list shown per section; the rest is counted. */
    static final int MAX_LISTED = 200;

    private final GitRepositories repositories;

    @Inject
    public GitStatusTool(GitRepositories repositories) {
        this.repositories = repositories;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Shows the current branch of a git repository and its staged, modified, untracked and conflicting"
                + " files.";
    }

    @Override
    public List<ToolParameter> parameters() {
        return List.of(GitRepositories.REPO_PARAMETER);
    }

    @Override
    public boolean readOnly() {
        return true;
    }

    @Override
    public Optional<String> target(ToolCall call) {
        return Optional.of(repositories.target(call));
    }

    @Override
    public ToolResult execute(ToolCall call) {
        OpenRepository opened = null;
        try (OpenRepository repo = repositories.open(call)) {
            opened = repo;
            Status status = repo.git().status().call();
            List<String> lines = new ArrayList<>();
            lines.add("repository: " + repo.display());
            lines.add("branch: " + branch(repo.repository()));
            RepositoryState state = repo.repository().getRepositoryState();
            if (state != RepositoryState.SAFE) {
                lines.add("state: " + state.getDescription());
            }
            if (status.isClean()) {
                lines.add("working tree clean");
                return ToolResult.ok(String.join("\n", lines));
            }
            section(
                    lines,
                    "staged",
                    List.of(
                            labelled("added", status.getAdded()),
                            labelled("modified", status.getChanged()),
                            labelled("deleted", status.getRemoved())));
            section(
                    lines,
                    "not staged",
                    List.of(labelled("modified", status.getModified()), labelled("deleted", status.getMissing())));
            section(lines, "untracked", List.of(labelled("", status.getUntracked())));
            section(lines, "conflicting", List.of(labelled("", status.getConflicting())));
            return ToolResult.ok(String.join("\n", lines));
        } catch (GitToolException e) {
            return ToolResult.failure(NAME + ": " + e.getMessage());
        } catch (GitAPIException | JGitInternalException | IOException e) {
            return GitErrors.failure(NAME, opened, e);
        }
    }

    /** The current branch, {@code main (no commits yet)}, or {@code HEAD detached at abc1234}. */
    static String branch(Repository repository) throws IOException {
        String full = repository.getFullBranch();
        if (full == null) {
            return "none (HEAD is missing)";
        }
        ObjectId head = repository.resolve(Constants.HEAD);
        if (!full.startsWith(Constants.R_HEADS)) {
            return "HEAD detached at " + full.substring(0, Math.min(7, full.length()));
        }
        String name = Repository.shortenRefName(full);
        return head == null ? name + " (no commits yet)" : name;
    }

    private record Labelled(String label, Set<String> paths) {}

    private static Labelled labelled(String label, Set<String> paths) {
        return new Labelled(label, new TreeSet<>(paths));
    }

    private static void section(List<String> lines, String title, List<Labelled> parts) {
        int total = parts.stream().mapToInt(part -> part.paths().size()).sum();
        if (total == 0) {
            return;
        }
        lines.add(title + " (" + total + "):");
        int shown = 0;
        for (Labelled part : parts) {
            for (String path : part.paths()) {
                if (shown == MAX_LISTED) {
                    lines.add("  ... and " + (total - shown) + " more");
                    return;
                }
                lines.add("  " + (part.label().isEmpty() ? "" : part.label() + ": ") + path);
                shown++;
            }
        }
    }
}

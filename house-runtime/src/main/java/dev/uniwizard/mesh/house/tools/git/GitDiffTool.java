package dev.uniwizard.mesh.house.tools.git;

import dev.uniwizard.mesh.house.tools.ParamType;
import dev.uniwizard.mesh.house.tools.Tool;
import dev.uniwizard.mesh.house.tools.ToolCall;
import dev.uniwizard.mesh.house.tools.ToolParameter;
import dev.uniwizard.mesh.house.tools.ToolResult;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Shows what changed since the last commit as a unified diff: the working tree against HEAD (like
 * {@code git diff HEAD}, tracked and staged files only), or with {@code staged=true} the index against HEAD (like
 * {@code git diff --cached}). Long diffs are cut at {@value #MAX_DIFF_BYTES} bytes with a note.
 */
@Singleton
public class GitDiffTool implements Tool {

    public static final String NAME = "git_diff";
    static final int MAX_DIFF_BYTES = 64 * 1024;

    private final GitRepositories repositories;

    @Inject
    public GitDiffTool(GitRepositories repositories) {
        this.repositories = repositories;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Shows uncommitted changes of a git repository as a unified diff: working tree vs HEAD, or with"
                + " staged=true the staged changes vs HEAD; optionally for one path.";
    }

    @Override
    public List<ToolParameter> parameters() {
        return List.of(
                GitRepositories.REPO_PARAMETER,
                ToolParameter.optional(
                        "staged",
                        ParamType.BOOLEAN,
                        "true to diff the index (what git_commit would commit if nothing else were staged) against"
                                + " HEAD; default false: the working tree against HEAD"),
                ToolParameter.optional("path", "only changes under this workspace path (a file or directory)"));
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
    public Duration timeout() {
        return Duration.ofSeconds(60);
    }

    @Override
    public ToolResult execute(ToolCall call) {
        boolean staged = call.bool("staged", false);
        String against = staged ? "staged changes vs HEAD" : "working tree vs HEAD";
        OpenRepository opened = null;
        try (OpenRepository repo = repositories.open(call)) {
            opened = repo;
            Repository repository = repo.repository();
            String prefix = "";
            if (call.argument("path").isPresent()) {
                prefix = repositories.pathInRepository(repo, call.required("path"));
            }
            TreeFilter filter;
            if (staged) {
                filter = prefix.isEmpty() ? TreeFilter.ALL : PathFilter.create(prefix);
            } else {
                Set<String> changed = changedTrackedPaths(repo.git().status().call(), prefix);
                if (changed.isEmpty()) {
                    return ToolResult.ok(noChanges(against, call, repo));
                }
                filter = PathFilterGroup.createFromStrings(changed);
            }
            BoundedOutput out = new BoundedOutput(MAX_DIFF_BYTES);
            List<DiffEntry> entries;
            try (ObjectReader reader = repository.newObjectReader();
                    DiffFormatter formatter = new DiffFormatter(out)) {
                formatter.setRepository(repository);
                formatter.setDetectRenames(true);
                formatter.setPathFilter(filter);
                AbstractTreeIterator head = headTree(repository, reader);
                AbstractTreeIterator current =
                        staged ? new DirCacheIterator(repository.readDirCache()) : new FileTreeIterator(repository);
                entries = formatter.scan(head, current);
                if (entries.isEmpty()) {
                    return ToolResult.ok(noChanges(against, call, repo));
                }
                try {
                    formatter.format(entries);
                    formatter.flush();
                } catch (BoundedOutput.Full e) {
                    // the kept part is shown with a note below
                }
            }
            String header = entries.size() + " file" + (entries.size() == 1 ? "" : "s") + " changed (" + against
                    + ") in " + repo.display() + ":\n";
            String text = header + out.text();
            if (out.full()) {
                text += "[diff cut at " + MAX_DIFF_BYTES + " bytes of " + entries.size()
                        + " changed files; ask with path=<file> to see one file]";
            }
            return ToolResult.ok(text);
        } catch (GitToolException e) {
            return ToolResult.failure(NAME + ": " + e.getMessage());
        } catch (GitAPIException | JGitInternalException | IOException e) {
            return GitErrors.failure(NAME, opened, e);
        }
    }

    /** Tracked paths (in HEAD or the index) that differ between HEAD and the working tree; untracked ones are left. */
    private static Set<String> changedTrackedPaths(Status status, String prefix) {
        Set<String> changed = new TreeSet<>();
        changed.addAll(status.getAdded());
        changed.addAll(status.getChanged());
        changed.addAll(status.getRemoved());
        changed.addAll(status.getModified());
        changed.addAll(status.getMissing());
        changed.addAll(status.getConflicting());
        if (!prefix.isEmpty()) {
            changed.removeIf(path -> !path.equals(prefix) && !path.startsWith(prefix + "/"));
        }
        return changed;
    }

    private static AbstractTreeIterator headTree(Repository repository, ObjectReader reader) throws IOException {
        ObjectId tree = repository.resolve("HEAD^{tree}");
        return tree == null ? new EmptyTreeIterator() : new CanonicalTreeParser(null, reader, tree);
    }

    private static String noChanges(String against, ToolCall call, OpenRepository repo) {
        String where = call.argument("path").map(p -> " under '" + p + "'").orElse("");
        return "no changes (" + against + ")" + where + " in " + repo.display();
    }
}

package dev.uniwizard.mesh.house.tools.git;

import dev.uniwizard.mesh.house.config.HouseConfig;
import dev.uniwizard.mesh.house.tools.Tool;
import dev.uniwizard.mesh.house.tools.ToolCall;
import dev.uniwizard.mesh.house.tools.ToolParameter;
import dev.uniwizard.mesh.house.tools.ToolResult;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * Stages changes like {@code git add -A} (all of them, or only the given paths) and commits the index as the house.
 * The author and committer are {@code house.workspace.git-author.*}, by default the house's title and
 * {@code <house>@uniwizard.local}. Commit hooks are not run and nothing is signed; an empty commit is refused.
 */
@Singleton
public class GitCommitTool implements Tool {

    public static final String NAME = "git_commit";
    static final int MAX_LISTED = 50;

    private final GitRepositories repositories;
    private final String authorName;
    private final String authorEmail;

    @Inject
    public GitCommitTool(GitRepositories repositories, HouseConfig config) {
        this.repositories = repositories;
        this.authorName = config.workspace().gitAuthor().name().orElse(config.title());
        this.authorEmail = config.workspace().gitAuthor().email().orElse(config.name() + "@uniwizard.local");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Commits changes in a git repository: stages all changes (new, modified and deleted files) or only the"
                + " given paths, then commits with the message; returns the new commit id.";
    }

    @Override
    public List<ToolParameter> parameters() {
        return List.of(
                GitRepositories.REPO_PARAMETER,
                ToolParameter.required("message", "the commit message: a short first line, then details if needed"),
                ToolParameter.optional(
                        "paths",
                        "comma-separated workspace paths (files or directories) to stage; default every change in"
                                + " the repository. Changes staged earlier are committed too"));
    }

    @Override
    public boolean readOnly() {
        return false;
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
        String message = call.required("message");
        if (message.isBlank()) {
            return ToolResult.failure(NAME + ": the commit message is empty; say what the change does");
        }
        OpenRepository opened = null;
        try (OpenRepository repo = repositories.open(call)) {
            opened = repo;
            Git git = repo.git();
            List<String> patterns = patterns(call, repo);
            for (String pattern : patterns) {
                git.add().addFilepattern(pattern).call();
                git.add().setUpdate(true).addFilepattern(pattern).call();
            }
            Status status = git.status().call();
            if (!status.getConflicting().isEmpty()) {
                return ToolResult.failure(NAME + ": " + repo.display() + " has unresolved conflicts in "
                        + String.join(", ", new TreeSet<>(status.getConflicting())) + "; resolve them first");
            }
            List<String> staged = staged(status);
            if (staged.isEmpty()) {
                String scope = call.argument("paths").map(p -> "'" + p + "'").orElse("the repository");
                return ToolResult.failure(NAME + ": nothing to commit in " + scope + " of " + repo.display()
                        + ": no changes against HEAD, so no empty commit was made");
            }
            PersonIdent house = new PersonIdent(authorName, authorEmail);
            RevCommit commit = git.commit()
                    .setMessage(message)
                    .setAuthor(house)
                    .setCommitter(house)
                    .setAllowEmpty(false)
                    .setNoVerify(true)
                    .setSign(false)
                    .call();
            List<String> lines = new ArrayList<>();
            lines.add("committed " + commit.getId().name() + " on " + GitStatusTool.branch(repo.repository()) + " in "
                    + repo.display() + ": " + commit.getShortMessage());
            lines.add(staged.size() + " file" + (staged.size() == 1 ? "" : "s") + ":");
            staged.stream().limit(MAX_LISTED).forEach(file -> lines.add("  " + file));
            if (staged.size() > MAX_LISTED) {
                lines.add("  ... and " + (staged.size() - MAX_LISTED) + " more");
            }
            return ToolResult.ok(String.join("\n", lines));
        } catch (GitToolException e) {
            return ToolResult.failure(NAME + ": " + e.getMessage());
        } catch (GitAPIException | JGitInternalException | IOException e) {
            return GitErrors.failure(NAME, opened, e);
        }
    }

    /** The file patterns to stage, relative to the working tree; {@code .} for everything. */
    private List<String> patterns(ToolCall call, OpenRepository repo) throws GitToolException, IOException {
        Optional<String> paths = call.argument("paths");
        if (paths.isEmpty()) {
            return List.of(".");
        }
        Set<String> patterns = new LinkedHashSet<>();
        DirCache index = repo.repository().readDirCache();
        for (String given : paths.get().split(",")) {
            if (given.isBlank()) {
                continue;
            }
            String inRepo = repositories.pathInRepository(repo, given.strip());
            if (inRepo.isEmpty()) {
                patterns.add(".");
                continue;
            }
            boolean exists = Files.exists(repo.workTree().resolve(inRepo));
            boolean tracked = index.findEntry(inRepo) >= 0 || index.getEntriesWithin(inRepo).length > 0;
            if (!exists && !tracked) {
                throw new GitToolException("'" + given.strip() + "' matches no file in " + repo.display());
            }
            patterns.add(inRepo);
        }
        if (patterns.isEmpty()) {
            throw new GitToolException("paths names no path; leave it out to commit every change");
        }
        return List.copyOf(patterns);
    }

    private static List<String> staged(Status status) {
        List<String> staged = new ArrayList<>();
        new TreeSet<>(status.getAdded()).forEach(path -> staged.add("A " + path));
        new TreeSet<>(status.getChanged()).forEach(path -> staged.add("M " + path));
        new TreeSet<>(status.getRemoved()).forEach(path -> staged.add("D " + path));
        return staged;
    }
}

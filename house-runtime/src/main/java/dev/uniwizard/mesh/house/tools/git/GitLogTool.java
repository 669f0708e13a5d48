package dev.uniwizard.mesh.house.tools.git;

import dev.uniwizard.mesh.house.tools.ParamType;
import dev.uniwizard.mesh.house.tools.Tool;
import dev.uniwizard.mesh.house.tools.ToolCall;
import dev.uniwizard.mesh.house.tools.ToolParameter;
import dev.uniwizard.mesh.house.tools.ToolResult;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.LogCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** Lists the latest commits of the current branch, optionally only those touching a path, like {@code git log}. */
@Singleton
public class GitLogTool implements Tool {

    public static final String NAME = "git_log";
    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 100;

    private final GitRepositories repositories;

    @Inject
    public GitLogTool(GitRepositories repositories) {
        this.repositories = repositories;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Lists the latest commits of a git repository's current branch (short id, date, author, first line),"
                + " optionally only those touching a path.";
    }

    @Override
    public List<ToolParameter> parameters() {
        return List.of(
                GitRepositories.REPO_PARAMETER,
                ToolParameter.optional(
                        "limit",
                        ParamType.INTEGER,
                        "how many commits to list, newest first; default " + DEFAULT_LIMIT + ", at most " + MAX_LIMIT),
                ToolParameter.optional("path", "only commits touching this workspace path (a file or directory)"));
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
        long limit = call.integer("limit", DEFAULT_LIMIT);
        if (limit < 1 || limit > MAX_LIMIT) {
            return ToolResult.failure(
                    NAME + ": limit must be between 1 and " + MAX_LIMIT + ", got " + call.required("limit"));
        }
        OpenRepository opened = null;
        try (OpenRepository repo = repositories.open(call)) {
            opened = repo;
            if (repo.repository().resolve(Constants.HEAD) == null) {
                return ToolResult.ok(
                        "no commits yet on " + GitStatusTool.branch(repo.repository()) + " in " + repo.display());
            }
            LogCommand log = repo.git().log().setMaxCount((int) limit + 1);
            Optional<String> path = call.argument("path");
            if (path.isPresent()) {
                String inRepo = repositories.pathInRepository(repo, path.get());
                if (!inRepo.isEmpty()) {
                    log.addPath(inRepo);
                }
            }
            List<String> lines = new ArrayList<>();
            for (RevCommit commit : log.call()) {
                if (lines.size() == limit) {
                    lines.add("(showing the latest " + limit + "; ask with a higher limit, at most " + MAX_LIMIT
                            + ", for more)");
                    break;
                }
                lines.add(line(commit));
            }
            if (lines.isEmpty()) {
                return ToolResult.ok("no commits touch '" + path.orElse("") + "' in " + repo.display());
            }
            return ToolResult.ok(String.join("\n", lines));
        } catch (GitToolException e) {
            return ToolResult.failure(NAME + ": " + e.getMessage());
        } catch (GitAPIException | JGitInternalException | IOException e) {
            return GitErrors.failure(NAME, opened, e);
        }
    }

    private static String line(RevCommit commit) {
        PersonIdent author = commit.getAuthorIdent();
        String date =
                author.getWhenAsInstant().atZone(author.getZoneId()).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        return commit.abbreviate(7).name() + " " + date + " " + author.getName() + ": " + commit.getShortMessage();
    }
}

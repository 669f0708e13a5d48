package dev.uniwizard.mesh.house.tools.git;

import static dev.uniwizard.mesh.house.tools.git.GitFixture.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.house.tools.ToolResult;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitCommitToolTest {

    @TempDir
    Path root;

    @Test
    void commitsNewModifiedAndDeletedFilesAsTheHouse() throws Exception {
        try (GitFixture repo = GitFixture.init(root)) {
            repo.commit("kept.txt", "1\n", "first");
            repo.commit("gone.txt", "x\n", "second");
            repo.write("kept.txt", "2\n");
            repo.delete("gone.txt");
            repo.write("docs/new.md", "# new\n");

            ToolResult result = new GitCommitTool(repo.repositories, repo.config)
                    .execute(call("git_commit", "message", "Update the notes\n\nDetails here."));

            assertThat(result.ok()).as(result.text()).isTrue();
            RevCommit head = head(repo);
            assertThat(result.text())
                    .startsWith("committed " + head.getName() + " on main in .: Update the notes")
                    .contains("3 files:", "  A docs/new.md", "  M kept.txt", "  D gone.txt");
            assertThat(head.getFullMessage()).isEqualTo("Update the notes\n\nDetails here.");
            assertThat(head.getAuthorIdent().getName()).isEqualTo("Ezra, the archivist");
            assertThat(head.getAuthorIdent().getEmailAddress()).isEqualTo("ezra@uniwizard.local");
            assertThat(head.getCommitterIdent().getName()).isEqualTo("Ezra, the archivist");
            assertThat(repo.git.status().call().isClean()).isTrue();
        }
    }

    @Test
    void authorComesFromConfiguration() throws Exception {
        try (GitFixture repo = GitFixture.init(
                root,
                root,
                Map.of(
                        "house.workspace.git-author.name", "Ezra Bot",
                        "house.workspace.git-author.email", "bot@example.org"))) {
            repo.write("a.txt", "1\n");

            ToolResult result =
                    new GitCommitTool(repo.repositories, repo.config).execute(call("git_commit", "message", "first"));

            assertThat(result.ok()).as(result.text()).isTrue();
            assertThat(head(repo).getAuthorIdent().getName()).isEqualTo("Ezra Bot");
            assertThat(head(repo).getAuthorIdent().getEmailAddress()).isEqualTo("bot@example.org");
        }
    }

    @Test
    void pathsStageOnlyThoseFiles() throws Exception {
        try (GitFixture repo = GitFixture.init(root)) {
            repo.commit("a.txt", "1\n", "first");
            repo.write("a.txt", "2\n");
            repo.write("notes/b.md", "b\n");
            repo.write("notes/c.md", "c\n");

            ToolResult result = new GitCommitTool(repo.repositories, repo.config)
                    .execute(call("git_commit", "message", "notes only", "paths", "notes/b.md, notes/c.md"));

            assertThat(result.ok()).as(result.text()).isTrue();
            assertThat(result.text())
                    .contains("2 files:", "A notes/b.md", "A notes/c.md")
                    .doesNotContain("a.txt");
            assertThat(repo.git.status().call().getModified()).containsExactly("a.txt");
        }
    }

    @Test
    void aDeletedPathCanBeStaged() throws Exception {
        try (GitFixture repo = GitFixture.init(root)) {
            repo.commit("old/a.txt", "1\n", "first");
            repo.delete("old/a.txt");

            ToolResult result = new GitCommitTool(repo.repositories, repo.config)
                    .execute(call("git_commit", "message", "drop old", "paths", "old/a.txt"));

            assertThat(result.ok()).as(result.text()).isTrue();
            assertThat(result.text()).contains("D old/a.txt");
        }
    }

    @Test
    void emptyCommitIsRefused() throws Exception {
        try (GitFixture repo = GitFixture.init(root)) {
            RevCommit first = repo.commit("a.txt", "1\n", "first");

            ToolResult result =
                    new GitCommitTool(repo.repositories, repo.config).execute(call("git_commit", "message", "nothing"));

            assertThat(result.ok()).isFalse();
            assertThat(result.text()).contains("nothing to commit", "no empty commit was made");
            assertThat(head(repo).getId()).isEqualTo(first.getId());
        }
    }

    @Test
    void pathsOutsideTheWorkspaceOrMatchingNothingAreRefused() throws Exception {
        try (GitFixture repo = GitFixture.init(root)) {
            repo.commit("a.txt", "1\n", "first");
            repo.write("a.txt", "2\n");
            GitCommitTool tool = new GitCommitTool(repo.repositories, repo.config);

            ToolResult outside = tool.execute(call("git_commit", "message", "m", "paths", "/etc/passwd"));
            ToolResult missing = tool.execute(call("git_commit", "message", "m", "paths", "no-such-file.txt"));
            ToolResult gitDir = tool.execute(call("git_commit", "message", "m", "paths", ".git/config"));

            assertThat(outside.ok()).isFalse();
            assertThat(outside.text()).contains("outside the workspace");
            assertThat(missing.text()).contains("'no-such-file.txt' matches no file");
            assertThat(gitDir.text()).contains("inside the repository's .git directory");
            assertThat(repo.git.status().call().getChanged()).isEmpty();
        }
    }

    @Test
    void blankMessageIsRefused() throws Exception {
        try (GitFixture repo = GitFixture.init(root)) {
            repo.write("a.txt", "1\n");

            ToolResult result =
                    new GitCommitTool(repo.repositories, repo.config).execute(call("git_commit", "message", "  "));

            assertThat(result.ok()).isFalse();
            assertThat(result.text()).contains("the commit message is empty");
            assertThat(repo.git.getRepository().resolve("HEAD")).isNull();
        }
    }

    @Test
    void isSideEffectingAndTargetsTheRepository() throws Exception {
        try (GitFixture repo = GitFixture.init(root)) {
            GitCommitTool tool = new GitCommitTool(repo.repositories, repo.config);

            assertThat(tool.readOnly()).isFalse();
            assertThat(tool.sideEffects(call("git_commit", "message", "m"))).isTrue();
            assertThat(tool.target(call("git_commit", "message", "m"))).contains(".");
            assertThat(tool.target(call(
                            "git_commit",
                            "message",
                            "m",
                            "repo",
                            root.resolve("sub").toString())))
                    .contains("sub");
        }
    }

    private static RevCommit head(GitFixture repo) throws Exception {
        ObjectId id = repo.git.getRepository().resolve("HEAD");
        try (RevWalk walk = new RevWalk(repo.git.getRepository())) {
            return walk.parseCommit(id);
        }
    }
}

package dev.uniwizard.mesh.house.tools.git;

import static dev.uniwizard.mesh.house.tools.git.GitFixture.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.house.tools.ToolResult;
import java.nio.file.Path;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitLogToolTest {

    @TempDir
    Path root;

    @Test
    void listsNewestCommitsFirstWithIdDateAuthorAndSubject() throws Exception {
        try (GitFixture repo = GitFixture.init(root)) {
            repo.commit("a.txt", "1\n", "first\n\nwith a body");
            repo.commit("a.txt", "2\n", "second");
            RevCommit third = repo.commit("b.txt", "3\n", "third");

            ToolResult result = new GitLogTool(repo.repositories).execute(call("git_log"));

            assertThat(result.ok()).isTrue();
            String[] lines = result.text().split("\n");
            assertThat(lines).hasSize(3);
            assertThat(lines[0])
                    .startsWith(third.abbreviate(7).name() + " ")
                    .matches("[0-9a-f]{7} \\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2}) Alice: third");
            assertThat(lines[1]).endsWith("Alice: second");
            assertThat(lines[2]).endsWith("Alice: first");
        }
    }

    @Test
    void limitKeepsTheNewestAndSaysThereIsMore() throws Exception {
        try (GitFixture repo = GitFixture.init(root)) {
            for (int i = 1; i <= 4; i++) {
                repo.commit("a.txt", i + "\n", "commit " + i);
            }

            ToolResult result = new GitLogTool(repo.repositories).execute(call("git_log", "limit", "2"));

            assertThat(result.text().split("\n")).hasSize(3).satisfies(lines -> {
                assertThat(lines[0]).endsWith("commit 4");
                assertThat(lines[1]).endsWith("commit 3");
                assertThat(lines[2]).contains("showing the latest 2");
            });
        }
    }

    @Test
    void pathKeepsOnlyCommitsTouchingIt() throws Exception {
        try (GitFixture repo = GitFixture.init(root)) {
            repo.commit("docs/guide.md", "1\n", "write the guide");
            repo.commit("src/a.txt", "2\n", "code");
            repo.commit("docs/guide.md", "3\n", "fix the guide");

            ToolResult result = new GitLogTool(repo.repositories).execute(call("git_log", "path", "docs"));

            assertThat(result.text())
                    .contains("fix the guide", "write the guide")
                    .doesNotContain("code");
        }
    }

    @Test
    void limitOutOfRangeIsRefused() throws Exception {
        try (GitFixture repo = GitFixture.init(root)) {
            ToolResult result = new GitLogTool(repo.repositories).execute(call("git_log", "limit", "101"));

            assertThat(result.ok()).isFalse();
            assertThat(result.text()).contains("limit must be between 1 and 100, got 101");
        }
    }

    @Test
    void emptyRepositoryHasNoCommits() throws Exception {
        try (GitFixture repo = GitFixture.init(root)) {
            ToolResult result = new GitLogTool(repo.repositories).execute(call("git_log"));

            assertThat(result.ok()).isTrue();
            assertThat(result.text()).contains("no commits yet on main");
        }
    }

    @Test
    void pathOutsideTheWorkspaceIsRefused() throws Exception {
        try (GitFixture repo = GitFixture.init(root)) {
            repo.commit("a.txt", "1\n", "first");

            ToolResult result = new GitLogTool(repo.repositories).execute(call("git_log", "path", "../elsewhere"));

            assertThat(result.ok()).isFalse();
            assertThat(result.text()).contains("outside the workspace");
        }
    }
}

package dev.uniwizard.mesh.house.tools.git;

import static dev.uniwizard.mesh.house.tools.git.GitFixture.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.house.tools.ToolResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitDiffToolTest {

    @TempDir
    Path root;

    @Test
    void showsWorkingTreeAgainstHeadWithoutUntrackedFiles() throws Exception {
        try (GitFixture repo = GitFixture.init(root)) {
            repo.commit("a.txt", "old line\nsame\n", "first");
            repo.commit("b.txt", "to delete\n", "second");
            repo.write("a.txt", "new line\nsame\n");
            repo.delete("b.txt");
            repo.write("untracked.txt", "not shown\n");

            ToolResult result = new GitDiffTool(repo.repositories).execute(call("git_diff"));

            assertThat(result.ok()).isTrue();
            assertThat(result.text())
                    .startsWith("2 files changed (working tree vs HEAD) in .:\n")
                    .contains("diff --git a/a.txt b/a.txt", "-old line\n", "+new line\n", " same\n")
                    .contains("diff --git a/b.txt b/b.txt", "deleted file mode", "-to delete\n")
                    .doesNotContain("untracked.txt");
        }
    }

    @Test
    void workingTreeDiffIncludesStagedAndUnstagedChanges() throws Exception {
        try (GitFixture repo = GitFixture.init(root)) {
            repo.commit("a.txt", "1\n", "first");
            repo.write("added.txt", "brand new\n");
            repo.git.add().addFilepattern("added.txt").call();
            repo.write("a.txt", "2\n");

            ToolResult result = new GitDiffTool(repo.repositories).execute(call("git_diff"));

            assertThat(result.text()).contains("+brand new", "-1\n", "+2\n");
        }
    }

    @Test
    void stagedShowsOnlyTheIndexAgainstHead() throws Exception {
        try (GitFixture repo = GitFixture.init(root)) {
            repo.commit("a.txt", "1\n", "first");
            repo.commit("b.txt", "x\n", "second");
            repo.write("a.txt", "staged\n");
            repo.git.add().addFilepattern("a.txt").call();
            repo.write("b.txt", "not staged\n");

            ToolResult result = new GitDiffTool(repo.repositories).execute(call("git_diff", "staged", "true"));

            assertThat(result.text())
                    .startsWith("1 file changed (staged changes vs HEAD)")
                    .contains("+staged")
                    .doesNotContain("not staged", "b.txt");
        }
    }

    @Test
    void pathNarrowsTheDiff() throws Exception {
        try (GitFixture repo = GitFixture.init(root)) {
            repo.commit("docs/a.md", "1\n", "first");
            repo.commit("src/b.txt", "1\n", "second");
            repo.write("docs/a.md", "2\n");
            repo.write("src/b.txt", "2\n");

            ToolResult result = new GitDiffTool(repo.repositories).execute(call("git_diff", "path", "docs"));

            assertThat(result.text()).contains("docs/a.md").doesNotContain("src/b.txt");
        }
    }

    @Test
    void noChangesIsSaid() throws Exception {
        try (GitFixture repo = GitFixture.init(root)) {
            repo.commit("a.txt", "1\n", "first");
            repo.write("untracked.txt", "x\n");

            assertThat(new GitDiffTool(repo.repositories)
                            .execute(call("git_diff"))
                            .text())
                    .isEqualTo("no changes (working tree vs HEAD) in .");
            assertThat(new GitDiffTool(repo.repositories)
                            .execute(call("git_diff", "staged", "true"))
                            .text())
                    .isEqualTo("no changes (staged changes vs HEAD) in .");
        }
    }

    @Test
    void firstCommitIsDiffedAgainstNothing() throws Exception {
        try (GitFixture repo = GitFixture.init(root)) {
            repo.write("a.txt", "hello\n");
            repo.git.add().addFilepattern("a.txt").call();

            ToolResult result = new GitDiffTool(repo.repositories).execute(call("git_diff", "staged", "true"));

            assertThat(result.text()).contains("new file mode", "+hello");
        }
    }

    @Test
    void longDiffIsCutWithANote() throws Exception {
        try (GitFixture repo = GitFixture.init(root)) {
            repo.commit("big.txt", "start\n", "first");
            repo.write("big.txt", "changed line with some length to it\n".repeat(5000));

            ToolResult result = new GitDiffTool(repo.repositories).execute(call("git_diff"));

            assertThat(result.ok()).isTrue();
            assertThat(result.text().getBytes(StandardCharsets.UTF_8).length)
                    .isLessThan(GitDiffTool.MAX_DIFF_BYTES + 500);
            assertThat(result.text())
                    .contains("+changed line with some length to it\n")
                    .endsWith("[diff cut at 65536 bytes of 1 changed files; ask with path=<file> to see one file]");
        }
    }
}

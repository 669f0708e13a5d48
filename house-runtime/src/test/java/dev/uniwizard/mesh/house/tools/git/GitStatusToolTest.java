package dev.uniwizard.mesh.house.tools.git;

import static dev.uniwizard.mesh.house.tools.git.GitFixture.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.house.config.HouseConfigs;
import dev.uniwizard.mesh.house.tools.ToolResult;
import dev.uniwizard.mesh.house.tools.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitStatusToolTest {

    @TempDir
    Path root;

    @Test
    void cleanRepositoryShowsItsBranch() throws Exception {
        try (GitFixture repo = GitFixture.init(root)) {
            repo.commit("README.md", "hello\n", "first");

            ToolResult result = new GitStatusTool(repo.repositories).execute(call("git_status"));

            assertThat(result.ok()).isTrue();
            assertThat(result.text()).contains("repository: .", "branch: main", "working tree clean");
        }
    }

    @Test
    void listsStagedModifiedDeletedUntrackedFiles() throws Exception {
        try (GitFixture repo = GitFixture.init(root)) {
            repo.commit("kept.txt", "one\n", "first");
            repo.commit("gone.txt", "bye\n", "second");
            repo.write("staged.txt", "new\n");
            repo.git.add().addFilepattern("staged.txt").call();
            repo.write("kept.txt", "changed\n");
            repo.delete("gone.txt");
            repo.write("docs/loose.md", "untracked\n");

            ToolResult result = new GitStatusTool(repo.repositories).execute(call("git_status"));

            assertThat(result.ok()).isTrue();
            assertThat(result.text())
                    .contains(
                            "staged (1):\n  added: staged.txt",
                            "not staged (2):\n  modified: kept.txt\n  deleted: gone.txt",
                            "untracked (1):\n  docs/loose.md")
                    .doesNotContain("working tree clean", "conflicting");
        }
    }

    @Test
    void newRepositoryHasNoCommitsYet() throws Exception {
        try (GitFixture repo = GitFixture.init(root)) {
            ToolResult result = new GitStatusTool(repo.repositories).execute(call("git_status"));

            assertThat(result.text()).contains("branch: main (no commits yet)");
        }
    }

    @Test
    void findsTheRepositoryFromASubdirectory() throws Exception {
        Path repoDir = root.resolve("projects/wizard");
        try (GitFixture repo = GitFixture.init(root, repoDir, Map.of())) {
            repo.commit("src/Main.java", "class Main {}\n", "first");
            repo.write("src/Other.java", "class Other {}\n");

            GitStatusTool tool = new GitStatusTool(repo.repositories);
            ToolResult result = tool.execute(call("git_status", "repo", "projects/wizard/src"));

            assertThat(result.text()).contains("repository: projects/wizard", "untracked (1):\n  src/Other.java");
            assertThat(tool.target(call("git_status", "repo", "projects/wizard")))
                    .contains("projects/wizard");
            assertThat(tool.target(call("git_status"))).contains(".");
        }
    }

    @Test
    void detachedHeadIsNamed() throws Exception {
        try (GitFixture repo = GitFixture.init(root)) {
            var first = repo.commit("a.txt", "1\n", "first");
            repo.commit("a.txt", "2\n", "second");
            repo.git.checkout().setName(first.getName()).call();

            ToolResult result = new GitStatusTool(repo.repositories).execute(call("git_status"));

            assertThat(result.text())
                    .contains("branch: HEAD detached at " + first.abbreviate(7).name());
        }
    }

    @Test
    void directoryWithoutRepositoryIsRefused() {
        GitRepositories repositories =
                new GitRepositories(new Workspace(HouseConfigs.of(Map.of("house.workspace.roots", root.toString()))));

        ToolResult result = new GitStatusTool(repositories).execute(call("git_status"));

        assertThat(result.ok()).isFalse();
        assertThat(result.text()).startsWith("git_status: ").contains("is not a git repository");
    }

    @Test
    void searchStopsAtTheWorkspaceRootEvenInsideARepository(@TempDir Path outer) throws Exception {
        Path workspaceRoot = Files.createDirectories(outer.resolve("workspace"));
        try (GitFixture enclosing = GitFixture.init(workspaceRoot, outer, Map.of())) {
            enclosing.commit("secret.txt", "outside the workspace\n", "first");

            ToolResult result = new GitStatusTool(enclosing.repositories).execute(call("git_status"));

            assertThat(result.ok()).isFalse();
            assertThat(result.text()).contains("is not a git repository");
        }
    }

    @Test
    void repositoryOutsideTheWorkspaceIsRefused(@TempDir Path elsewhere) throws Exception {
        try (GitFixture repo = GitFixture.init(root);
                GitFixture other = GitFixture.init(elsewhere)) {
            other.commit("a.txt", "1\n", "first");

            ToolResult result =
                    new GitStatusTool(repo.repositories).execute(call("git_status", "repo", elsewhere.toString()));

            assertThat(result.ok()).isFalse();
            assertThat(result.text()).contains("outside the workspace");
        }
    }

    @Test
    void noWorkspaceIsExplained() {
        GitRepositories repositories = new GitRepositories(new Workspace(HouseConfigs.of(Map.of())));

        ToolResult result = new GitStatusTool(repositories).execute(call("git_status"));

        assertThat(result.ok()).isFalse();
        assertThat(result.text()).contains("house.workspace.roots");
    }
}

package dev.uniwizard.mesh.house.tools.git;

import static dev.uniwizard.mesh.house.tools.git.GitFixture.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.house.tools.ToolResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitBranchToolTest {

    @TempDir
    Path root;

    @Test
    void listsBranchesAndMarksTheCurrentOne() throws Exception {
        try (GitFixture repo = GitFixture.init(root)) {
            var first = repo.commit("a.txt", "1\n", "first");
            repo.git.branchCreate().setName("feature").call();

            ToolResult result = new GitBranchTool(repo.repositories).execute(call("git_branch"));

            assertThat(result.ok()).isTrue();
            assertThat(result.text())
                    .contains("  feature " + first.abbreviate(7).name() + " first")
                    .contains("* main " + first.abbreviate(7).name() + " first");
        }
    }

    @Test
    void onlyCreatingHasSideEffects() throws Exception {
        try (GitFixture repo = GitFixture.init(root)) {
            GitBranchTool tool = new GitBranchTool(repo.repositories);

            assertThat(tool.sideEffects(call("git_branch"))).isFalse();
            assertThat(tool.sideEffects(call("git_branch", "create", "x"))).isTrue();
            assertThat(tool.readOnly()).isFalse();
        }
    }

    @Test
    void createsABranchWithoutSwitching() throws Exception {
        try (GitFixture repo = GitFixture.init(root)) {
            repo.commit("a.txt", "1\n", "first");

            ToolResult result =
                    new GitBranchTool(repo.repositories).execute(call("git_branch", "create", "feature/notes"));

            assertThat(result.ok()).isTrue();
            assertThat(result.text()).contains("created branch feature/notes", "  feature/notes ", "* main ");
            assertThat(repo.git.getRepository().exactRef("refs/heads/feature/notes"))
                    .isNotNull();
            assertThat(repo.git.getRepository().getBranch()).isEqualTo("main");
        }
    }

    @Test
    void createsAndSwitchesKeepingUncommittedWork() throws Exception {
        try (GitFixture repo = GitFixture.init(root)) {
            repo.commit("a.txt", "1\n", "first");
            repo.write("a.txt", "work in progress\n");

            ToolResult result = new GitBranchTool(repo.repositories)
                    .execute(call("git_branch", "create", "wip", "checkout", "true"));

            assertThat(result.ok()).isTrue();
            assertThat(result.text()).contains("switched to wip", "* wip ", "  main ");
            assertThat(repo.git.getRepository().getBranch()).isEqualTo("wip");
            assertThat(repo.git.status().call().getModified()).containsExactly("a.txt");
        }
    }

    @Test
    void invalidOrExistingNamesAreRefused() throws Exception {
        try (GitFixture repo = GitFixture.init(root)) {
            repo.commit("a.txt", "1\n", "first");
            GitBranchTool tool = new GitBranchTool(repo.repositories);

            ToolResult invalid = tool.execute(call("git_branch", "create", "bad..name"));
            ToolResult spaced = tool.execute(call("git_branch", "create", "two words"));
            ToolResult existing = tool.execute(call("git_branch", "create", "main"));

            assertThat(invalid.ok()).isFalse();
            assertThat(invalid.text()).contains("'bad..name' is not a valid branch name");
            assertThat(spaced.text()).contains("'two words' is not a valid branch name");
            assertThat(existing.text()).contains("branch 'main' already exists");
            assertThat(repo.git.branchList().call()).hasSize(1);
        }
    }

    @Test
    void checkoutNeedsCreate() throws Exception {
        try (GitFixture repo = GitFixture.init(root)) {
            ToolResult result = new GitBranchTool(repo.repositories).execute(call("git_branch", "checkout", "true"));

            assertThat(result.ok()).isFalse();
            assertThat(result.text()).contains("checkout=true needs create=<name>");
        }
    }

    @Test
    void noBranchBeforeTheFirstCommit() throws Exception {
        try (GitFixture repo = GitFixture.init(root)) {
            GitBranchTool tool = new GitBranchTool(repo.repositories);

            assertThat(tool.execute(call("git_branch")).text()).contains("none yet: HEAD is on main");
            ToolResult create = tool.execute(call("git_branch", "create", "feature"));
            assertThat(create.ok()).isFalse();
            assertThat(create.text()).contains("there is no commit yet");
        }
    }
}

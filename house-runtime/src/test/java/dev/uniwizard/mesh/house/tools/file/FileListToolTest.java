package dev.uniwizard.mesh.house.tools.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.house.config.HouseConfigs;
import dev.uniwizard.mesh.house.tools.ToolCall;
import dev.uniwizard.mesh.house.tools.ToolResult;
import dev.uniwizard.mesh.house.tools.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileListToolTest {

    @TempDir
    Path base;

    private Path root;
    private FileListTool tool;

    @BeforeEach
    void setUp() throws IOException {
        root = Files.createDirectory(base.resolve("ws"));
        tool = new FileListTool(new Workspace(HouseConfigs.of(Map.of("house.workspace.roots", root.toString()))));
        Files.createDirectories(root.resolve("docs/api"));
        Files.createDirectories(root.resolve(".git/objects"));
        Files.writeString(root.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Files.writeString(root.resolve("README.md"), "hello\n");
        Files.writeString(root.resolve("docs/guide.md"), "0123456789");
        Files.writeString(root.resolve("docs/api/index.md"), "");
    }

    private ToolResult list(Map<String, String> args) {
        return tool.execute(new ToolCall("file_list", args));
    }

    @Test
    void listsOneDirectoryByDefault() {
        ToolResult result = list(Map.of());

        assertThat(result.ok()).isTrue();
        assertThat(result.text().lines()).containsExactly(".git/", "README.md  6 bytes", "docs/");
    }

    @Test
    void listsRecursivelyWithoutEnteringGit() {
        ToolResult result = list(Map.of("recursive", "true"));

        assertThat(result.text().lines())
                .containsExactly(
                        ".git/",
                        "README.md  6 bytes",
                        "docs/",
                        "docs/api/",
                        "docs/api/index.md  0 bytes",
                        "docs/guide.md  10 bytes");
    }

    @Test
    void stopsAtTheLimitAndSaysSo() {
        ToolResult result = list(Map.of("recursive", "true", "limit", "2"));

        assertThat(result.text().lines())
                .containsExactly(
                        ".git/",
                        "README.md  6 bytes",
                        "[stopped after 2 entries; raise limit (max 5000) or" + " list a subdirectory]");
        assertThat(list(Map.of("limit", "0")).text()).contains("limit must be between 1 and 5000, got 0");
    }

    @Test
    void listsASubdirectoryAndShowsLinksWithoutFollowingThem() throws IOException {
        Files.createSymbolicLink(root.resolve("docs/latest"), root.resolve("docs/api"));

        ToolResult result = list(Map.of("path", "docs", "recursive", "true"));

        assertThat(result.text().lines())
                .containsExactly(
                        "docs/api/",
                        "docs/api/index.md  0 bytes",
                        "docs/guide.md  10 bytes",
                        "docs/latest/ -> " + root.resolve("docs/api"));
        assertThat(tool.target(new ToolCall("file_list", Map.of("path", "docs/"))))
                .contains("docs");
    }

    @Test
    void refusesPathsOutsideAndMissing() throws IOException {
        Files.createDirectories(root.resolve("empty"));

        assertThat(list(Map.of("path", "..")).text()).contains("outside the workspace");
        assertThat(list(Map.of("path", "/etc")).text()).contains("outside the workspace");
        assertThat(list(Map.of("path", "nope")).text()).contains("'nope' does not exist");
        assertThat(list(Map.of("path", "empty")).text()).isEqualTo("'empty' is an empty directory");
    }
}

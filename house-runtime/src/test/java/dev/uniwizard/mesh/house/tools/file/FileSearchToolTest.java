package dev.uniwizard.mesh.house.tools.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.house.config.HouseConfigs;
import dev.uniwizard.mesh.house.tools.ToolCall;
import dev.uniwizard.mesh.house.tools.ToolResult;
import dev.uniwizard.mesh.house.tools.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSearchToolTest {

    @TempDir
    Path base;

    private Path root;
    private FileSearchTool tool;

    @BeforeEach
    void setUp() throws IOException {
        root = Files.createDirectory(base.resolve("ws"));
        tool = new FileSearchTool(new Workspace(HouseConfigs.of(Map.of("house.workspace.roots", root.toString()))));
        Files.createDirectories(root.resolve("docs"));
        Files.createDirectories(root.resolve(".git"));
        Files.writeString(root.resolve("README.md"), "# Mesh\nTODO: write the intro\nprice: $5 (approx.)\n");
        Files.writeString(root.resolve("docs/guide.md"), "intro\n\nTODO later\n");
        Files.writeString(root.resolve("docs/notes.txt"), "TODO in a text file\n");
        Files.writeString(root.resolve(".git/COMMIT_EDITMSG"), "TODO in git\n");
        Files.write(root.resolve("blob.bin"), new byte[] {'T', 'O', 'D', 'O', 0, 1, 2});
    }

    private ToolResult search(String... pairs) {
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            args.put(pairs[i], pairs[i + 1]);
        }
        return tool.execute(new ToolCall("file_search", args));
    }

    @Test
    void findsLinesLikeGrepSkippingGitAndBinaryFiles() {
        ToolResult result = search("pattern", "TODO\\b");

        assertThat(result.ok()).isTrue();
        assertThat(result.text().lines())
                .containsExactly(
                        "README.md:2: TODO: write the intro",
                        "docs/guide.md:3: TODO later",
                        "docs/notes.txt:1: TODO in a text file",
                        "[skipped files: 1 binary]");
    }

    @Test
    void searchesLiterallyWhenAsked() {
        ToolResult result = search("pattern", "$5 (approx.)", "literal", "true");

        assertThat(result.text().lines())
                .containsExactly("README.md:3: price: $5 (approx.)", "[skipped files: 1 binary]");
    }

    @Test
    void filtersByGlobAndPath() {
        assertThat(search("pattern", "TODO", "glob", "*.md").text().lines())
                .containsExactly("README.md:2: TODO: write the intro", "docs/guide.md:3: TODO later");
        assertThat(search("pattern", "TODO", "path", "docs").text().lines())
                .containsExactly("docs/guide.md:3: TODO later", "docs/notes.txt:1: TODO in a text file");
        assertThat(search("pattern", "TODO", "path", "docs", "glob", "**.txt").text())
                .isEqualTo("docs/notes.txt:1: TODO in a text file");
        assertThat(search("pattern", "TODO", "path", "docs/guide.md").text()).isEqualTo("docs/guide.md:3: TODO later");
    }

    @Test
    void stopsAtTheLimit() {
        ToolResult result = search("pattern", "TODO", "limit", "1");

        assertThat(result.text().lines())
                .containsExactly(
                        "README.md:2: TODO: write the intro",
                        "[stopped at 1 matches; narrow the search or raise limit (max 1000)]");
    }

    @Test
    void saysWhenNothingMatches() {
        ToolResult result = search("pattern", "nowhere to be found", "glob", "*.md");

        assertThat(result.ok()).isTrue();
        assertThat(result.text()).isEqualTo("no line matches 'nowhere to be found' in 2 text files");
    }

    @Test
    void anInvalidRegexIsExplained() {
        ToolResult result = search("pattern", "price: $5 (approx.");

        assertThat(result.ok()).isFalse();
        assertThat(result.text())
                .contains("'price: $5 (approx.' is not a valid regular expression (Unclosed group")
                .contains("pass literal=true");
    }

    @Test
    void refusesPathsOutsideTheWorkspace() throws IOException {
        Path outside = Files.createDirectory(base.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "TODO secret\n");
        Files.createSymbolicLink(root.resolve("out"), outside);

        assertThat(search("pattern", "TODO", "path", "..").text()).contains("outside the workspace");
        assertThat(search("pattern", "TODO", "path", "out").text()).contains("outside the workspace");
        assertThat(search("pattern", "secret").text()).startsWith("no line matches 'secret'");
        assertThat(search("pattern", "x", "limit", "1001").text()).contains("limit must be between 1 and 1000");
    }
}

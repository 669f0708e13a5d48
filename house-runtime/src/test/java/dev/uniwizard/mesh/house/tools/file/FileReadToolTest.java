package dev.uniwizard.mesh.house.tools.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.house.config.HouseConfig;
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

class FileReadToolTest {

    @TempDir
    Path base;

    private Path root;
    private Path outside;
    private FileReadTool tool;

    @BeforeEach
    void setUp() throws IOException {
        root = Files.createDirectory(base.resolve("ws"));
        outside = Files.createDirectory(base.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "top secret\n");
        HouseConfig config = HouseConfigs.of(
                Map.of("house.workspace.roots", root.toString(), "house.workspace.max-read-bytes", "100"));
        tool = new FileReadTool(config, new Workspace(config));
    }

    private ToolResult read(String path, String... more) {
        Map<String, String> args = new HashMap<>();
        args.put("path", path);
        for (int i = 0; i < more.length; i += 2) {
            args.put(more[i], more[i + 1]);
        }
        return tool.execute(new ToolCall("file_read", args));
    }

    @Test
    void readsAWholeTextFile() throws IOException {
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/guide.md"), "# Guide\nÄrger über Umlaute\n");

        ToolResult result = read("docs/guide.md");

        assertThat(result.ok()).isTrue();
        assertThat(result.text()).isEqualTo("# Guide\nÄrger über Umlaute\n");
        assertThat(tool.target(new ToolCall("file_read", Map.of("path", root + "/docs/guide.md"))))
                .contains("docs/guide.md");
    }

    @Test
    void readsARangeOfLines() throws IOException {
        Files.writeString(root.resolve("n.txt"), "one\ntwo\nthree\nfour\nfive\n");

        assertThat(read("n.txt", "offset_line", "2", "limit_lines", "2").text())
                .isEqualTo("two\nthree\n[lines 2-3 shown; more follow from offset_line=4]");
        assertThat(read("n.txt", "offset_line", "4").text()).isEqualTo("four\nfive\n");
        assertThat(read("n.txt", "offset_line", "5", "limit_lines", "1").text()).isEqualTo("five\n");
    }

    @Test
    void anOffsetPastTheEndIsExplained() throws IOException {
        Files.writeString(root.resolve("n.txt"), "one\ntwo\n");

        ToolResult result = read("n.txt", "offset_line", "9");

        assertThat(result.ok()).isFalse();
        assertThat(result.text()).contains("offset_line 9 is past the end: 'n.txt' has 2 lines");
        assertThat(read("n.txt", "offset_line", "0").text()).contains("offset_line must be 1 or more");
        assertThat(read("n.txt", "limit_lines", "0").text()).contains("limit_lines must be 1 or more");
    }

    @Test
    void cutsALargeFileWithANote() throws IOException {
        StringBuilder content = new StringBuilder();
        for (int i = 1; i <= 30; i++) {
            content.append("line ").append(i).append('\n');
        }
        Files.writeString(root.resolve("big.txt"), content);

        ToolResult result = read("big.txt");

        assertThat(result.ok()).isTrue();
        String shown = result.text().substring(0, result.text().indexOf("\n["));
        assertThat(shown.length()).isLessThanOrEqualTo(100);
        assertThat(content.toString()).startsWith(shown);
        assertThat(result.text())
                .contains("[cut at 100 bytes (house.workspace.max-read-bytes); 'big.txt' has " + content.length()
                        + " bytes; read on with offset_line=14]");
        assertThat(read("big.txt", "offset_line", "14").text()).startsWith("line 14\n");
    }

    @Test
    void aSingleLineLongerThanTheLimitSaysSo() throws IOException {
        Files.writeString(root.resolve("minified.js"), "x".repeat(500));

        ToolResult result = read("minified.js");

        assertThat(result.text()).startsWith("x".repeat(100) + "\n[line 1 alone is longer than 100 bytes");
    }

    @Test
    void refusesBinaryFilesAndDirectories() throws IOException {
        Files.write(root.resolve("image.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1});
        Files.createDirectory(root.resolve("dir"));

        assertThat(read("image.png").text()).contains("'image.png' is a binary file");
        assertThat(read("image.png").ok()).isFalse();
        assertThat(read("dir").text()).contains("'dir' is a directory; use file_list");
        assertThat(read("missing.txt").text()).contains("'missing.txt' does not exist");
        Files.writeString(root.resolve("empty.txt"), "");
        assertThat(read("empty.txt").text()).isEqualTo("[the file 'empty.txt' is empty]");
    }

    @Test
    void refusesEveryWayOutOfTheWorkspace() throws IOException {
        Files.createSymbolicLink(root.resolve("link"), outside);
        Files.createSymbolicLink(root.resolve("secret-link.txt"), outside.resolve("secret.txt"));

        for (String path : new String[] {
            "../outside/secret.txt",
            "docs/../../outside/secret.txt",
            outside.resolve("secret.txt").toString(),
            "link/secret.txt",
            "secret-link.txt"
        }) {
            ToolResult result = read(path);

            assertThat(result.ok()).as(path).isFalse();
            assertThat(result.text()).as(path).contains("outside the workspace").doesNotContain("top secret");
        }
    }
}

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
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileWriteToolTest {

    @TempDir
    Path base;

    private Path root;
    private Path outside;
    private FileWriteTool tool;

    @BeforeEach
    void setUp() throws IOException {
        root = Files.createDirectory(base.resolve("ws"));
        outside = Files.createDirectory(base.resolve("outside"));
        HouseConfig config = HouseConfigs.of(
                Map.of("house.workspace.roots", root.toString(), "house.workspace.max-write-bytes", "64"));
        tool = new FileWriteTool(config, new Workspace(config));
    }

    private ToolResult write(String path, String content, String... mode) {
        Map<String, String> args = new HashMap<>();
        args.put("path", path);
        args.put("content", content);
        if (mode.length > 0) {
            args.put("mode", mode[0]);
        }
        return tool.execute(new ToolCall("file_write", args));
    }

    @Test
    void createsAFileAndItsParentDirectories() throws IOException {
        ToolResult result = write("docs/new/guide.md", "# Guide\n");

        assertThat(result.ok()).isTrue();
        assertThat(result.text()).isEqualTo("wrote 8 bytes to docs/new/guide.md (created)");
        assertThat(root.resolve("docs/new/guide.md")).hasContent("# Guide");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("docs/new/guide.md"))))
                .isEqualTo("rw-r--r--");
        assertThat(tool.readOnly()).isFalse();
        assertThat(tool.sideEffects(new ToolCall("file_write", Map.of()))).isTrue();
        assertThat(tool.target(new ToolCall("file_write", Map.of("path", "./docs/../docs/guide.md"))))
                .contains("docs/guide.md");
    }

    @Test
    void overwriteReplacesAtomicallyKeepingPermissionsAndLeavingNoTempFiles() throws IOException {
        Path file = Files.writeString(root.resolve("run.sh"), "old content that is longer\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-x---"));

        ToolResult result = write("run.sh", "new\n", "overwrite");

        assertThat(result.text()).isEqualTo("wrote 4 bytes to run.sh (replaced)");
        assertThat(file).hasContent("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rwxr-x---");
        try (Stream<Path> files = Files.list(root)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void appendAddsToTheEnd() throws IOException {
        Files.writeString(root.resolve("log.txt"), "one\n");

        assertThat(write("log.txt", "two\n", "append").text()).isEqualTo("appended 4 bytes to log.txt (now 8 bytes)");
        assertThat(write("fresh.txt", "x", "append").text()).isEqualTo("appended 1 byte to fresh.txt (created)");
        assertThat(root.resolve("log.txt")).hasContent("one\ntwo");
    }

    @Test
    void createNeverReplaces() throws IOException {
        Files.writeString(root.resolve("keep.txt"), "precious");

        ToolResult result = write("keep.txt", "other", "create");

        assertThat(result.ok()).isFalse();
        assertThat(result.text()).contains("'keep.txt' already exists and mode=create never replaces a file");
        assertThat(root.resolve("keep.txt")).hasContent("precious");
        assertThat(write("brand-new.txt", "hi", "create").text()).isEqualTo("wrote 2 bytes to brand-new.txt (created)");
    }

    @Test
    void refusesTooMuchContentAndUnknownModes() {
        ToolResult tooBig = write("big.txt", "é".repeat(33));

        assertThat(tooBig.ok()).isFalse();
        assertThat(tooBig.text()).contains("the content is 66 bytes, more than the 64 bytes allowed");
        assertThat(root.resolve("big.txt")).doesNotExist();
        assertThat(write("a.txt", "x", "truncate").text())
                .contains("mode must be overwrite, append or create, got 'truncate'");
        assertThat(write(".", "x").text()).contains("'.' is a directory");
    }

    @Test
    void refusesEveryWayOutOfTheWorkspace() throws IOException {
        Files.writeString(outside.resolve("target.txt"), "untouched");
        Files.createSymbolicLink(root.resolve("out"), outside);
        Files.createSymbolicLink(root.resolve("target-link.txt"), outside.resolve("target.txt"));

        for (String path : new String[] {
            "../outside/target.txt",
            "../outside/new.txt",
            outside.resolve("target.txt").toString(),
            "out/target.txt",
            "out/sub/new.txt",
            "target-link.txt"
        }) {
            ToolResult result = write(path, "pwned");

            assertThat(result.ok()).as(path).isFalse();
            assertThat(result.text()).as(path).contains("outside the workspace");
        }
        assertThat(outside.resolve("target.txt")).hasContent("untouched");
        try (Stream<Path> files = Files.list(outside)) {
            assertThat(files).containsExactly(outside.resolve("target.txt"));
        }
    }

    @Test
    void writesThroughALinkInsideTheWorkspaceWithoutReplacingIt() throws IOException {
        Path real = Files.writeString(root.resolve("real.txt"), "before");
        Path link = Files.createSymbolicLink(root.resolve("alias.txt"), real);

        assertThat(write("alias.txt", "after").ok()).isTrue();

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(real).hasContent("after");
    }

    @Test
    void aFileInTheWayOfTheParentIsExplained() throws IOException {
        Files.writeString(root.resolve("docs"), "I am a file");

        ToolResult result = write("docs/guide.md", "x");

        assertThat(result.ok()).isFalse();
        assertThat(result.text()).contains("'docs' is a file, not a directory");
    }
}

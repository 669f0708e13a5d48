package dev.uniwizard.mesh.house.tools.file;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the file tools share about text: telling binary files apart and reading text leniently as UTF-8. */
final class TextFiles {

    /** How much of a file's start is looked at for NUL bytes, as git does. */
    static final int BINARY_PROBE_BYTES = 8192;

    /** Directories that are never listed into or searched. */
    static final String GIT_DIR = ".git";

    private TextFiles() {}

    /** Whether the file's start contains a NUL byte, the sign of a binary file. */
    static boolean looksBinary(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(BINARY_PROBE_BYTES);
            for (byte b : head) {
                if (b == 0) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A reader that decodes UTF-8 and replaces malformed bytes instead of failing. */
    static BufferedReader reader(Path file) throws IOException {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder));
    }

    /** Bytes the char takes in UTF-8 (a surrogate counts half of its pair's four). */
    static int utf8Length(char c) {
        if (c < 0x80) {
            return 1;
        }
        if (c < 0x800) {
            return 2;
        }
        return Character.isSurrogate(c) ? 2 : 3;
    }

    /** Cuts a line for display. */
    static String abbreviate(String line, int max) {
        return line.length() <= max ? line : line.substring(0, max) + "...";
    }
}

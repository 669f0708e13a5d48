package dev.uniwizard.mesh.house.tools.proof;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Keeps the last lines of a process's output while draining all of it, so a chatty proof command neither blocks on a
 * full pipe nor fills the house's memory. Very long lines are cut.
 */
final class OutputTail {

    static final int MAX_LINE_CHARS = 2000;

    private final int keep;
    private final Deque<String> lines = new ArrayDeque<>();
    private long total;

    OutputTail(int keep) {
        this.keep = Math.max(0, keep);
    }

    /** Reads {@code in} to its end (the process closed its output), keeping the last lines. */
    void drain(InputStream in) {
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder();
            boolean cut = false;
            int c;
            while ((c = reader.read()) != -1) {
                if (c == '\n') {
                    add(line, cut);
                    line.setLength(0);
                    cut = false;
                } else if (line.length() < MAX_LINE_CHARS) {
                    line.append((char) c);
                } else {
                    cut = true;
                }
            }
            if (!line.isEmpty()) {
                add(line, cut);
            }
        } catch (IOException e) {
            // the stream was closed because the process was killed: what was read so far is the tail
        }
    }

    private synchronized void add(StringBuilder line, boolean cut) {
        total++;
        if (keep == 0) {
            return;
        }
        if (lines.size() == keep) {
            lines.removeFirst();
        }
        int end = line.length() > 0 && line.charAt(line.length() - 1) == '\r' ? line.length() - 1 : line.length();
        lines.addLast(line.substring(0, end) + (cut ? "..." : ""));
    }

    synchronized List<String> lines() {
        return new ArrayList<>(lines);
    }

    synchronized long total() {
        return total;
    }
}

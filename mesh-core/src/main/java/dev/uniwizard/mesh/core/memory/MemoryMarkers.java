package dev.uniwizard.mesh.core.memory;

import java.util.List;

/**
 * The answer to {@link MarkersRequest}: compact lines, each starting with {@value #PREFIX}, ready to put into a prompt
 * as they are, e.g. {@code [MEMORY MARKER] decision #12 (2026-11-20, ezra): Store memory in PostgreSQL, not files}.
 */
public record MemoryMarkers(String project, String house, List<String> lines) {

    public static final String PREFIX = "[MEMORY MARKER]";

    public MemoryMarkers {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}

package dev.uniwizard.mesh.memory.project;

import dev.uniwizard.mesh.core.memory.MemoryMarkers;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One line of {@link MemoryMarkers}:
 * {@code [MEMORY MARKER] <type> #<id> (<yyyy-MM-dd, UTC>, <house or promotedBy>): <marker>}.
 */
public final class MarkerLine {

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private MarkerLine() {}

    public static String format(
            String memoryType, long id, Instant promotedAt, String house, String promotedBy, String marker) {
        return MemoryMarkers.PREFIX + " " + memoryType + " #" + id + " (" + DAY.format(promotedAt) + ", "
                + (house == null ? promotedBy : house) + "): " + marker;
    }
}

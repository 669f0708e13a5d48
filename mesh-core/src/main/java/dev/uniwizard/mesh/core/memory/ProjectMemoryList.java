package dev.uniwizard.mesh.core.memory;

import java.util.List;

/** A project's memory entries, newest first. */
public record ProjectMemoryList(String project, List<ProjectMemoryEntry> entries) {

    public ProjectMemoryList {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }
}

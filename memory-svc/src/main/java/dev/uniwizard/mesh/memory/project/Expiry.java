package dev.uniwizard.mesh.memory.project;

import dev.uniwizard.mesh.core.memory.ProjectMemoryEntry;

/** The outcome of expiring an entry: the entry as it is now, and whether this request expired it. */
public record Expiry(ProjectMemoryEntry entry, boolean changed) {}

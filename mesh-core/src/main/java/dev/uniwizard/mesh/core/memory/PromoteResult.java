package dev.uniwizard.mesh.core.memory;

/** The answer to a promotion: the entry, and whether it was already there (same {@code requestId}). */
public record PromoteResult(ProjectMemoryEntry entry, boolean duplicate) {}

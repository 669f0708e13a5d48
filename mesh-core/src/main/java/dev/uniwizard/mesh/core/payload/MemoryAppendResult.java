package dev.uniwizard.mesh.core.payload;

/** Reply to an append: the stored message's sequence number, and whether it had been stored before. */
public record MemoryAppendResult(long seq, boolean duplicate) {}

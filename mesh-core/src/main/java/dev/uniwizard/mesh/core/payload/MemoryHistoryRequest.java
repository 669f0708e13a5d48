package dev.uniwizard.mesh.core.payload;

/** Payload of a request on {@code <root>.memory.history}: the latest {@code limit} messages of a conversation. */
public record MemoryHistoryRequest(String conversationId, int limit) {}

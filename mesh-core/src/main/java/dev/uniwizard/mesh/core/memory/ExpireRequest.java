package dev.uniwizard.mesh.core.memory;

/**
 * Payload of a request on {@code <root>.memory.expire}: stop serving a memory entry. The entry is kept (and stays
 * searchable); the expiry is recorded in the chain. Expiring an expired entry answers it unchanged.
 */
public record ExpireRequest(long id, String reason) {}

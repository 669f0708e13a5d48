package dev.uniwizard.mesh.core.memory;

/**
 * Payload of a request on {@code <root>.memory.list}: a project's memory, newest first.
 *
 * @param project the project key
 * @param memoryType only this type, if given
 * @param house only entries served to this house (its own and those for every house), if given
 * @param includeExpired also entries that are no longer served
 * @param limit at most this many (default 50, at most 1000)
 */
public record ProjectMemoryListRequest(
        String project, String memoryType, String house, boolean includeExpired, Integer limit) {}

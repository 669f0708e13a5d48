package dev.uniwizard.mesh.core.memory;

/**
 * Payload of a request on {@code <root>.memory.markers}: the memory markers a house puts into its prompt for a
 * project, most relevant and newest first.
 *
 * @param project the project key
 * @param house the house asking; entries meant for other houses only are left out
 * @param limit at most this many lines (default 12, at most 100)
 */
public record MarkersRequest(String project, String house, Integer limit) {}

package dev.uniwizard.mesh.core.payload;

/**
 * Payload of a {@code task} envelope: the work for a house.
 *
 * @param text what the operator asked
 * @param replyPlatform the platform the reply goes back to ({@code <root>.out.<platform>})
 * @param routedBecause why the router chose this house, for the record
 */
public record TaskPayload(String text, String replyPlatform, String routedBecause) {}

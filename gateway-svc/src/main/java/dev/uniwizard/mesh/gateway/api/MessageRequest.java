package dev.uniwizard.mesh.gateway.api;

/**
 * A validated {@code POST /api/v1/messages} body.
 *
 * @param house the house to address (lower-cased), or null to let the router choose
 * @param conversationId the conversation to continue, or null to start one
 * @param text what the operator said
 */
public record MessageRequest(String house, String conversationId, String text) {}

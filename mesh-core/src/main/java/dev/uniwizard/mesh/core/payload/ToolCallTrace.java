package dev.uniwizard.mesh.core.payload;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One tool call as memory keeps it with a message: an assistant message lists the calls the model asked for (with
 * {@code outcome} null), a {@code tool} message carries the one call it answers with its outcome.
 *
 * @param callId the model's id for the call, so a result can be matched to its request
 * @param tool the tool's name
 * @param arguments the arguments as given (a JSON object), or null when they could not be read
 * @param outcome {@code ok}, or the error class ({@code denied}, {@code timeout}, {@code failed}...); null on a
 *     request
 */
public record ToolCallTrace(String callId, String tool, JsonNode arguments, String outcome) {}

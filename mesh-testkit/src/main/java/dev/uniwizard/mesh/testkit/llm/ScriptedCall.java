package dev.uniwizard.mesh.testkit.llm;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One tool call a scripted assistant message makes, as {@link ScriptedChatServer} puts it on the wire.
 *
 * @param id the call's id; null leaves {@code "id"} out (as some local servers do)
 * @param name the tool's name
 * @param arguments the exact value of {@code function.arguments}: a text node (normal: JSON text, maybe invalid) or
 *     an object node (as some servers send)
 */
public record ScriptedCall(String id, String name, JsonNode arguments) {}

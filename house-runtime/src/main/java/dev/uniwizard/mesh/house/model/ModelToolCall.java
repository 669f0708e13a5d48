package dev.uniwizard.mesh.house.model;

/**
 * A tool call as the model made it.
 *
 * @param id the model's id for it (a tool message answers with it); generated when the model sent none
 * @param name the tool's name
 * @param arguments the arguments exactly as the model sent them: JSON text that may be invalid
 */
public record ModelToolCall(String id, String name, String arguments) {}

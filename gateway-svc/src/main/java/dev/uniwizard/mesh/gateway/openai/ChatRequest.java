package dev.uniwizard.mesh.gateway.openai;

/**
 * A validated {@code POST /v1/chat/completions} body, reduced to what the mesh uses.
 *
 * @param model the {@code model} as given: the house to ask (resolved by {@link HouseModels})
 * @param text the last {@code user} message: what is sent to the house
 * @param firstUserText the first {@code user} message, which names the conversation when the client gives none
 * @param stream whether the answer is streamed as server-sent events
 * @param includeUsage {@code stream_options.include_usage}: send a last chunk with (zero) usage
 */
public record ChatRequest(String model, String text, String firstUserText, boolean stream, boolean includeUsage) {}

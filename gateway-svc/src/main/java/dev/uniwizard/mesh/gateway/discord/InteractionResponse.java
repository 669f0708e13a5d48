package dev.uniwizard.mesh.gateway.discord;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to an interaction, as Discord reads it: {@code {"type":1}} (PONG), {@code {"type":5}} (deferred: "the
 * bot is thinking", the reply follows), or {@code {"type":4,"data":{...}}} (a message now).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InteractionResponse(int type, Data data) {

    /** Message flag EPHEMERAL: only the user who sent the command sees it. */
    static final int EPHEMERAL = 1 << 6;

    /** The message of a type 4 answer. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Data(String content, Integer flags) {}

    public static InteractionResponse pong() {
        return new InteractionResponse(1, null);
    }

    public static InteractionResponse deferred() {
        return new InteractionResponse(5, null);
    }

    /** A message only the user who sent the command sees. */
    public static InteractionResponse ephemeral(String content) {
        return new InteractionResponse(4, new Data(content, EPHEMERAL));
    }
}

package dev.uniwizard.mesh.core.payload;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Payload of a {@code message} envelope: what an operator said.
 *
 * @param text the words
 * @param operator the operator the gateway recognised the sender as, if it did
 * @param homeHouse that operator's own house, where the router sends messages that address no house
 * @param replyTo where on the platform the reply goes; absent for platforms whose replies are awaited in the request
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessagePayload(String text, String operator, String homeHouse, ReplyAddress replyTo) {

    public MessagePayload(String text) {
        this(text, null, null, null);
    }
}

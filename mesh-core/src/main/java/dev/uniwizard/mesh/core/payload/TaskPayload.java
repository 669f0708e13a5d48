package dev.uniwizard.mesh.core.payload;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Payload of a {@code task} envelope: the work for a house.
 *
 * @param text what the operator asked
 * @param replyPlatform the platform the reply goes back to ({@code <root>.out.<platform>})
 * @param routedBecause why the router chose this house, for the record
 * @param replyTo where on that platform the reply goes; the house copies it into every reply
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskPayload(String text, String replyPlatform, String routedBecause, ReplyAddress replyTo) {

    public TaskPayload(String text, String replyPlatform, String routedBecause) {
        this(text, replyPlatform, routedBecause, null);
    }
}

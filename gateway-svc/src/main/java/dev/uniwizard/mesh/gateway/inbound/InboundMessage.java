package dev.uniwizard.mesh.gateway.inbound;

import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.payload.ReplyAddress;
import dev.uniwizard.mesh.gateway.operators.Operator;

/**
 * An admitted operator's message from a platform, ready to enter the mesh.
 *
 * @param deliveryKey the platform's id of this delivery (update_id, event_id...), for deduplication; null if none
 * @param operator who sent it
 * @param sender the sender as the platform names them ({@code platform} is the inbound platform)
 * @param conversationId the mesh conversation, stable per chat (e.g. {@code telegram:123456})
 * @param house a house the platform's own syntax addressed (a slash command option), or null
 * @param text the words
 * @param replyTo where the reply goes on the platform
 */
public record InboundMessage(
        String deliveryKey,
        Operator operator,
        Sender sender,
        String conversationId,
        String house,
        String text,
        ReplyAddress replyTo) {}

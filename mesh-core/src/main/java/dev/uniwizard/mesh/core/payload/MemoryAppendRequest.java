package dev.uniwizard.mesh.core.payload;

import dev.uniwizard.mesh.core.envelope.Sender;
import java.time.Instant;

/**
 * Payload of a request on {@code <root>.memory.append}: one message of a conversation to store. Storing is idempotent
 * on {@code envelopeId}.
 *
 * @param conversationId the conversation
 * @param envelopeId id of the envelope this message came in or went out with
 * @param role {@code user}, {@code assistant}, {@code tool} or {@code system}
 * @param house the house that handled it
 * @param sender who said it
 * @param content the text
 * @param at when it was said
 */
public record MemoryAppendRequest(
        String conversationId,
        String envelopeId,
        String role,
        String house,
        Sender sender,
        String content,
        Instant at) {}

package dev.uniwizard.mesh.gateway.openai;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The conversation of a chat completion when the client names none ({@code X-Conversation-Id}). OpenAI clients resend
 * the whole history with every turn, so the conversation is named after what stays the same: the operator, the house
 * and the first user message. A client that continues a chat keeps one conversation; a new chat starts another.
 */
public final class ConversationIds {

    public static final String PREFIX = "openai:";

    private ConversationIds() {}

    /** {@code openai:} + the first 16 hex digits of SHA-256(operator + "\n" + house + "\n" + first user message). */
    public static String derive(String operator, String house, String firstUserText) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((operator + "\n" + house + "\n" + firstUserText).getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.uniwizard.mesh.gateway.discord;

import dev.uniwizard.mesh.gateway.outbound.TextParts;
import java.util.List;

/**
 * Splits reply text into Discord messages: a message's content holds at most {@link #MAX_CONTENT} characters. Parts
 * are cut at a line break or a space where possible, never inside a surrogate pair. Pure.
 */
public final class DiscordText {

    /** Discord's limit on a message's content. */
    public static final int MAX_CONTENT = 2000;

    private DiscordText() {}

    /** The parts to send, in order; never empty (a blank reply becomes a short notice). */
    public static List<String> parts(String text, int limit) {
        return TextParts.split(text == null || text.isBlank() ? "(empty reply)" : text, limit);
    }
}

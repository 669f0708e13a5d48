package dev.uniwizard.mesh.gateway.telegram;

import dev.uniwizard.mesh.gateway.outbound.TextParts;
import java.util.List;

/**
 * Splits a reply into messages Telegram accepts: at most {@link #MAX_LENGTH} UTF-16 units each (Java's
 * {@code String.length()}, which is how Telegram counts). A chunk ends after the last line break in its second half if
 * there is one, else after the last space or tab there, else at the limit, moved back one unit when that would cut a
 * surrogate pair (an emoji) in two. Separators stay at the end of their chunk, so the chunks put together are the
 * text; chunks of whitespace only (which Telegram refuses as empty) are left out.
 */
public final class TelegramChunks {

    /** Telegram's limit on a message's text. */
    public static final int MAX_LENGTH = 4096;

    private TelegramChunks() {}

    public static List<String> split(String text) {
        return split(text, MAX_LENGTH);
    }

    public static List<String> split(String text, int max) {
        return TextParts.split(text, max);
    }
}

package dev.uniwizard.mesh.gateway.telegram;

import java.util.ArrayList;
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
        if (max < 2) {
            throw new IllegalArgumentException("chunks must allow at least 2 characters, got " + max);
        }
        List<String> chunks = new ArrayList<>();
        int start = 0;
        while (text.length() - start > max) {
            int end = cut(text, start, start + max);
            add(chunks, text.substring(start, end));
            start = end;
        }
        add(chunks, text.substring(start));
        return chunks;
    }

    /** Where the chunk starting at {@code start} ends, at most {@code limit} (exclusive). */
    private static int cut(String text, int start, int limit) {
        int half = start + (limit - start) / 2;
        int newline = text.lastIndexOf('\n', limit - 1);
        if (newline >= half) {
            return newline + 1;
        }
        for (int i = limit - 1; i >= half; i--) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t') {
                return i + 1;
            }
        }
        return Character.isHighSurrogate(text.charAt(limit - 1)) ? limit - 1 : limit;
    }

    private static void add(List<String> chunks, String chunk) {
        if (!chunk.isBlank()) {
            chunks.add(chunk);
        }
    }
}

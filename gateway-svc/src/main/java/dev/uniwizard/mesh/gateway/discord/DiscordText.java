package dev.uniwizard.mesh.gateway.discord;

import java.util.ArrayList;
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
        String content = text == null || text.isBlank() ? "(empty reply)" : text;
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (content.length() - start > limit) {
            int cut = cut(content, start, start + limit);
            parts.add(content.substring(start, cut));
            start = cut;
            while (start < content.length() && content.charAt(start) == '\n') {
                start++;
            }
        }
        if (start < content.length()) {
            parts.add(content.substring(start));
        }
        return parts;
    }

    /** Where to end a part that may reach up to {@code max} (exclusive): after a newline, else a space, else hard. */
    private static int cut(String text, int start, int max) {
        int floor = start + (max - start) / 2;
        int newline = text.lastIndexOf('\n', max - 1);
        if (newline >= floor) {
            return newline + 1;
        }
        int space = text.lastIndexOf(' ', max - 1);
        if (space >= floor) {
            return space + 1;
        }
        return Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    }
}

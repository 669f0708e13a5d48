package dev.uniwizard.mesh.gateway.slack;

import java.util.ArrayList;
import java.util.List;

/**
 * Text for Slack messages: escaped ({@code & < >}, the characters Slack reads as markup, so a reply cannot ping
 * {@code <!channel>} or forge a link) and split into parts Slack keeps whole. Slack truncates a message's text after
 * 40,000 characters; parts are at most {@link #MAX_PART} characters, cut at a line break or a space where possible and
 * never inside an escape or a surrogate pair. Pure.
 */
public final class SlackText {

    /** The longest part sent in one chat.postMessage, leaving room below Slack's 40,000 characters. */
    public static final int MAX_PART = 39_000;

    private SlackText() {}

    /** The reply text escaped and split into parts of at most {@code limit} characters; never empty. */
    public static List<String> parts(String text, int limit) {
        String escaped = escape(text == null || text.isBlank() ? "(empty reply)" : text);
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (escaped.length() - start > limit) {
            int cut = cut(escaped, start, start + limit);
            parts.add(escaped.substring(start, cut));
            start = cut;
            while (start < escaped.length() && escaped.charAt(start) == '\n') {
                start++;
            }
        }
        if (start < escaped.length()) {
            parts.add(escaped.substring(start));
        }
        return parts;
    }

    /** Slack's escaping of message text: {@code &} → {@code &amp;}, {@code <} → {@code &lt;}, {@code >} → {@code &gt;}. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
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
        int cut = max;
        int amp = text.lastIndexOf('&', cut - 1);
        if (amp >= cut - 4 && amp > start && text.indexOf(';', amp) >= cut) {
            cut = amp;
        }
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return cut;
    }
}

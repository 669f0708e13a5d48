package dev.uniwizard.mesh.gateway.outbound;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a reply into the parts a platform keeps whole (Telegram 4,096 characters, Discord 2,000, Slack 40,000). A
 * part ends after a line break in its second half where there is one, else after a space or tab, else at the limit —
 * but never inside a surrogate pair or an HTML entity such as {@code &amp;} (Slack's escapes). Line breaks at the start
 * of a part and blank parts are dropped. Pure.
 */
public final class TextParts {

    /** The longest entity that is kept whole ({@code &quot;}). */
    private static final int MAX_ENTITY = 6;

    private TextParts() {}

    /** The parts of {@code text}, in order, each at most {@code limit} characters; empty for blank text. */
    public static List<String> split(String text, int limit) {
        if (limit < 2) {
            throw new IllegalArgumentException("parts must allow at least 2 characters, got " + limit);
        }
        List<String> parts = new ArrayList<>();
        if (text == null) {
            return parts;
        }
        int start = skipLineBreaks(text, 0);
        while (text.length() - start > limit) {
            int end = cut(text, start, start + limit);
            add(parts, text.substring(start, end));
            start = skipLineBreaks(text, end);
        }
        add(parts, text.substring(start));
        return parts;
    }

    /** Where the part starting at {@code start} ends, at most {@code limit} (exclusive). */
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
        int cut = limit;
        int amp = text.lastIndexOf('&', cut - 1);
        if (amp > start && amp >= cut - MAX_ENTITY) {
            int semicolon = text.indexOf(';', amp);
            if (semicolon >= cut && semicolon - amp <= MAX_ENTITY) {
                cut = amp;
            }
        }
        return Character.isHighSurrogate(text.charAt(cut - 1)) ? cut - 1 : cut;
    }

    private static int skipLineBreaks(String text, int from) {
        int at = from;
        while (at < text.length() && (text.charAt(at) == '\n' || text.charAt(at) == '\r')) {
            at++;
        }
        return at;
    }

    private static void add(List<String> parts, String part) {
        if (!part.isBlank()) {
            parts.add(part);
        }
    }
}

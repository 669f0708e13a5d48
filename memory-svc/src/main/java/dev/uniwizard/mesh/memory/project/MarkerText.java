package dev.uniwizard.mesh.memory.project;

/**
 * The one-line form of a memory entry that houses put into their prompts: whitespace collapsed, and, when it is
 * derived from the content, the first sentence or line, cut at a word boundary with {@value #ELLIPSIS} so that it fits.
 */
public final class MarkerText {

    public static final String ELLIPSIS = "...";

    private MarkerText() {}

    /** {@code text} on one line: every run of whitespace (line breaks included) becomes one space, ends trimmed. */
    public static String collapse(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    /** The marker of {@code content}: its first sentence or line, collapsed, at most {@code maxChars} long. */
    public static String derive(String content, int maxChars) {
        String firstLine = content == null
                ? ""
                : content.lines().filter(line -> !line.isBlank()).findFirst().orElse("");
        String sentence = collapse(firstSentence(firstLine));
        return fit(sentence.isEmpty() ? collapse(firstLine) : sentence, maxChars);
    }

    /** {@code text} if it fits in {@code maxChars}, else cut at the last word boundary that leaves room for "...". */
    public static String fit(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        if (maxChars <= ELLIPSIS.length()) {
            return ELLIPSIS.substring(0, Math.max(0, maxChars));
        }
        int room = maxChars - ELLIPSIS.length();
        int cut = room;
        int space = text.lastIndexOf(' ', room);
        if (space > room / 2) {
            cut = space;
        } else if (Character.isLowSurrogate(text.charAt(cut)) && Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--; // never split a character outside the Basic Multilingual Plane (an emoji) in two
        }
        String kept = text.substring(0, cut).stripTrailing();
        while (!kept.isEmpty() && ",;:-".indexOf(kept.charAt(kept.length() - 1)) >= 0) {
            kept = kept.substring(0, kept.length() - 1).stripTrailing();
        }
        return kept + ELLIPSIS;
    }

    /**
     * Up to the end of the first sentence: a '.', '!' or '?' followed by whitespace or the end, or a CJK full stop. A
     * closing '.' is left out (a marker reads as a heading); '!' and '?' are kept.
     */
    static String firstSentence(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            boolean atEnd = i + 1 == line.length() || Character.isWhitespace(line.charAt(i + 1));
            if ((c == '.' && atEnd && !isEllipsis(line, i))) {
                return line.substring(0, i);
            }
            if ((c == '!' || c == '?') && atEnd) {
                return line.substring(0, i + 1);
            }
            if (c == '。' || c == '！' || c == '？') {
                return line.substring(0, c == '。' ? i : i + 1);
            }
        }
        return line;
    }

    private static boolean isEllipsis(String line, int i) {
        return i > 0 && line.charAt(i - 1) == '.';
    }
}

package dev.uniwizard.mesh.gateway.slack;

import dev.uniwizard.mesh.gateway.outbound.TextParts;
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
        return TextParts.split(escape(text == null || text.isBlank() ? "(empty reply)" : text), limit);
    }

    /** Slack's escaping of message text: {@code &} → {@code &amp;}, {@code <} → {@code &lt;}, {@code >} → {@code &gt;}. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

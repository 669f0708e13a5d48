package dev.uniwizard.mesh.router.gitea;

import dev.uniwizard.mesh.core.gitea.GiteaEventPayload;
import java.util.List;

/** The task text a house gets for a Gitea event: what happened, where, by whom, and the text itself. */
final class GiteaTaskText {

    static final int MAX_PATHS = 30;

    private GiteaTaskText() {}

    /**
     * E.g. {@code issues opened on acme/app#12: "Docs are stale"}, the URL, a line with sender, labels and files, then
     * {@code text} (the body, or the comment without its address).
     */
    static String describe(GiteaEventPayload event, String text) {
        StringBuilder out = new StringBuilder(event.summary());
        if (event.url() != null && !event.url().isBlank()) {
            out.append('\n').append(event.url());
        }
        StringBuilder facts = new StringBuilder();
        if (event.sender() != null && !event.sender().isBlank()) {
            facts.append("By ").append(event.sender()).append('.');
        }
        if (event.ref() != null && !event.ref().isBlank()) {
            append(facts, "Ref: " + event.ref() + ".");
        }
        if (!event.labels().isEmpty()) {
            append(facts, "Labels: " + String.join(", ", event.labels()) + ".");
        }
        if (!event.paths().isEmpty()) {
            List<String> shown = event.paths().stream().limit(MAX_PATHS).toList();
            String more =
                    event.paths().size() > MAX_PATHS ? " and " + (event.paths().size() - MAX_PATHS) + " more" : "";
            append(facts, "Files: " + String.join(", ", shown) + more + ".");
        }
        if (!facts.isEmpty()) {
            out.append('\n').append(facts);
        }
        if (text != null && !text.isBlank()) {
            out.append("\n\n").append(text.strip());
        }
        return out.toString();
    }

    private static void append(StringBuilder facts, String sentence) {
        if (!facts.isEmpty()) {
            facts.append(' ');
        }
        facts.append(sentence);
    }
}

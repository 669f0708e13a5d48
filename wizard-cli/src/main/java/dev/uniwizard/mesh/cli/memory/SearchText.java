package dev.uniwizard.mesh.cli.memory;

import dev.uniwizard.mesh.cli.text.Times;
import dev.uniwizard.mesh.core.memory.MemorySearchHit;
import dev.uniwizard.mesh.core.memory.MemorySearchResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * How search hits look on the terminal: a heading line per hit (kind and id, conversation, who, when), then its snippet
 * indented, with memory's «highlights» kept as they are.
 */
final class SearchText {

    private static final String INDENT = "  ";

    private SearchText() {}

    static void print(PrintWriter out, MemorySearchResult result, String query, int limit) {
        String what = "for \"" + query + "\"" + (result.scope() == null ? "" : " (scope " + result.scope() + ")");
        List<MemorySearchHit> hits = result.hits();
        if (hits.isEmpty()) {
            out.println("no hits " + what);
            if (result.note() != null && !result.note().isBlank()) {
                out.println(result.note().strip());
            }
            return;
        }
        for (MemorySearchHit hit : hits) {
            out.println(heading(hit));
            out.println(snippet(hit.snippet()));
            out.println();
        }
        out.println(hits.size()
                + (hits.size() == 1 ? " hit " : " hits ")
                + what
                + (hits.size() == limit ? ", the best " + limit + "; see more with --limit" : ""));
    }

    static String heading(MemorySearchHit hit) {
        List<String> parts = new ArrayList<>();
        parts.add(hit.kind() + " #" + hit.id());
        if (present(hit.conversationId())) {
            parts.add("conversation " + hit.conversationId());
        }
        String who = who(hit);
        if (who != null) {
            parts.add(who);
        }
        if (hit.at() != null) {
            parts.add(Times.seconds(hit.at()));
        }
        return String.join("  ", parts);
    }

    /** house/role for a message, "type in project by house" for memory, the house for a summary. */
    private static String who(MemorySearchHit hit) {
        if (MemorySearchHit.MEMORY.equals(hit.kind()) || present(hit.project()) || present(hit.memoryType())) {
            List<String> words = new ArrayList<>();
            if (present(hit.memoryType())) {
                words.add(hit.memoryType());
            }
            if (present(hit.project())) {
                words.add("in " + hit.project());
            }
            if (present(hit.house())) {
                words.add("by " + hit.house());
            }
            return words.isEmpty() ? null : String.join(" ", words);
        }
        return slash(hit.house(), hit.role());
    }

    private static String slash(String first, String second) {
        if (present(first) && present(second)) {
            return first + "/" + second;
        }
        return present(first) ? first : present(second) ? second : null;
    }

    private static String snippet(String snippet) {
        if (!present(snippet)) {
            return INDENT + "(no snippet)";
        }
        return INDENT + snippet.strip().replace("\r\n", "\n").replace("\n", "\n" + INDENT);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}

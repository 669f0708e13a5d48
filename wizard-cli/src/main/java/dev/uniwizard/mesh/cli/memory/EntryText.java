package dev.uniwizard.mesh.cli.memory;

import dev.uniwizard.mesh.cli.text.TextTable;
import dev.uniwizard.mesh.cli.text.Times;
import dev.uniwizard.mesh.core.memory.ProjectMemoryEntry;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** How project memory entries look on the terminal: a table of many, a line or two for one. */
final class EntryText {

    private EntryText() {}

    static void table(PrintWriter out, List<ProjectMemoryEntry> entries) {
        TextTable table = new TextTable("ID", "TYPE", "STATE", "PROMOTED", "BY", "HOUSES", "RELEVANCE", "MARKER");
        for (ProjectMemoryEntry entry : entries) {
            table.row(
                    "#" + entry.id(),
                    entry.memoryType(),
                    state(entry),
                    Times.seconds(entry.promotedAt()),
                    entry.promotedBy(),
                    houses(entry.houses()),
                    String.format(Locale.ROOT, "%.2f", entry.relevanceScore()),
                    oneLine(entry.marker() == null ? entry.content() : entry.marker()));
        }
        table.print(out);
    }

    /** {@code #12 (decision in org/repo)}. */
    static String name(ProjectMemoryEntry entry) {
        return "#" + entry.id() + " (" + entry.memoryType() + " in " + entry.project() + ")";
    }

    /** active, expired (explicitly) or ended (its expiresAt passed). */
    static String state(ProjectMemoryEntry entry) {
        if (entry.active()) {
            return "active";
        }
        return entry.expiredAt() != null ? "expired" : "ended";
    }

    static String houses(List<String> houses) {
        return houses.isEmpty() ? "all" : String.join(",", houses);
    }

    static String oneLine(String text) {
        return text == null ? null : text.strip().replaceAll("\\s+", " ");
    }
}

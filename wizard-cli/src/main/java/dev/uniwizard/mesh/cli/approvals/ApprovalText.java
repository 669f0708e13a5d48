package dev.uniwizard.mesh.cli.approvals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.uniwizard.mesh.cli.text.Json;
import dev.uniwizard.mesh.cli.text.TextTable;
import dev.uniwizard.mesh.cli.text.Times;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** How approval requests look on the terminal: a table for many, every detail and the full arguments for one. */
final class ApprovalText {

    /** The arguments that name what a call acts on, shown in the list. */
    private static final List<String> TARGETS = List.of("path", "repo", "url", "command");

    private static final int MAX_TARGET = 48;
    private static final String INDENT = "  ";

    private ApprovalText() {}

    static void table(PrintWriter out, JsonNode approvals) {
        TextTable table = new TextTable("ID", "STATE", "HOUSE", "TOOL", "TARGET", "REQUESTED", "EXPIRES", "DECIDED BY");
        for (JsonNode approval : approvals) {
            table.row(
                    Json.text(approval, "id"),
                    Json.text(approval, "state"),
                    Json.text(approval, "house"),
                    Json.text(approval, "tool"),
                    target(approval.path("arguments")),
                    Times.seconds(Json.text(approval, "requestedAt")),
                    Times.seconds(Json.text(approval, "expiresAt")),
                    Json.text(approval, "decidedBy"));
        }
        table.print(out);
    }

    static void details(PrintWriter out, JsonNode approval) {
        field(out, "approval", Json.text(approval, "id"));
        field(out, "state", Json.text(approval, "state"));
        String node = Json.text(approval, "requestedByNode");
        field(out, "house", Json.text(approval, "house") + (node == null ? "" : " (node " + node + ")"));
        field(out, "tool", Json.text(approval, "tool"));
        field(out, "reason", Json.text(approval, "reason"));
        field(
                out,
                "requested",
                Times.seconds(Json.text(approval, "requestedAt")) + requestedFor(approval.path("requestedFor")));
        field(out, "expires", Times.seconds(Json.text(approval, "expiresAt")));
        String decidedBy = Json.text(approval, "decidedBy");
        if (decidedBy != null) {
            field(out, "decided", "by " + decidedBy + " at " + Times.seconds(Json.text(approval, "decidedAt")));
        }
        field(out, "note", Json.text(approval, "note"));
        field(out, "conversation", Json.text(approval, "conversationId"));
        field(out, "digest", Json.text(approval, "argumentsDigest"));
        out.println("arguments:");
        out.println(indent(pretty(approval.path("arguments"))));
        JsonNode history = approval.path("history");
        if (history.isArray() && !history.isEmpty()) {
            out.println("history:");
            TextTable table = new TextTable("AT", "STATE", "BY", "NOTE");
            for (JsonNode event : history) {
                table.row(
                        Times.seconds(Json.text(event, "at")),
                        Json.text(event, "state"),
                        Json.text(event, "actor"),
                        Json.text(event, "note"));
            }
            StringWriter text = new StringWriter();
            table.print(new PrintWriter(text));
            out.println(indent(text.toString().stripTrailing()));
        }
    }

    /** {@code path}, {@code repo}, {@code url} or {@code command} of the arguments, shortened. */
    static String target(JsonNode arguments) {
        for (String name : TARGETS) {
            String value = Json.text(arguments, name);
            if (value != null && !value.isBlank()) {
                String line = value.strip().replaceAll("\\s+", " ");
                return line.length() <= MAX_TARGET ? line : line.substring(0, MAX_TARGET - 3) + "...";
            }
        }
        return null;
    }

    private static String requestedFor(JsonNode sender) {
        String name = Json.text(sender, "displayName");
        String user = Json.text(sender, "userId");
        String platform = Json.text(sender, "platform");
        if (name == null && user == null) {
            return "";
        }
        String who = name != null ? name : user;
        return " for " + who + (user == null ? "" : " (" + (platform == null ? "" : platform + "/") + user + ")");
    }

    private static void field(PrintWriter out, String name, String value) {
        if (value != null && !value.isBlank()) {
            out.printf("%-13s %s%n", name, value.strip().replace("\n", "\n" + " ".repeat(14)));
        }
    }

    private static String pretty(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "(none)";
        }
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return node.toString();
        }
    }

    private static String indent(String text) {
        return INDENT + text.replace("\n", "\n" + INDENT);
    }
}

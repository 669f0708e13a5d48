package dev.uniwizard.mesh.memory.historian;

import dev.uniwizard.mesh.core.payload.StoredMessage;
import dev.uniwizard.mesh.core.payload.ToolCallTrace;
import java.util.ArrayList;
import java.util.List;

/**
 * A conversation as text for a summary model: one line per message, {@code [<instant>] <speaker> (<role>): <text>},
 * tool output cut short, and only the latest messages when the whole would be longer than {@code maxChars} (a line
 * says how many earlier ones were left out).
 */
final class Transcript {

    /** Longest tool output kept per message, in characters. */
    static final int MAX_TOOL_CHARS = 2000;

    private static final String CUT = " [... cut]";

    private Transcript() {}

    static String of(List<StoredMessage> messages, int maxChars) {
        List<String> lines = new ArrayList<>(messages.size());
        for (StoredMessage message : messages) {
            lines.add(line(message));
        }
        int total = 0;
        int from = lines.size();
        while (from > 0 && total + lines.get(from - 1).length() + 1 <= maxChars) {
            from--;
            total += lines.get(from).length() + 1;
        }
        if (lines.isEmpty()) {
            return "";
        }
        if (from == lines.size()) {
            return lastCut(lines, maxChars);
        }
        StringBuilder text = new StringBuilder(leftOut(from));
        for (int i = from; i < lines.size(); i++) {
            text.append(lines.get(i)).append('\n');
        }
        return text.toString().stripTrailing();
    }

    /** Even the last message alone is too long: the messages before it are left out and its end is cut. */
    private static String lastCut(List<String> lines, int maxChars) {
        String prefix = leftOut(lines.size() - 1);
        String last = lines.getLast();
        int keep = Math.max(0, maxChars - prefix.length() - CUT.length());
        if (keep > 0 && Character.isHighSurrogate(last.charAt(keep - 1))) {
            keep--;
        }
        return prefix + last.substring(0, keep) + CUT;
    }

    private static String leftOut(int count) {
        if (count == 0) {
            return "";
        }
        return "[... " + count + (count == 1 ? " earlier message" : " earlier messages") + " left out ...]\n";
    }

    private static String line(StoredMessage message) {
        StringBuilder line = new StringBuilder();
        line.append('[').append(message.at()).append("] ").append(Speakers.of(message));
        line.append(" (").append(message.role()).append(")");
        if ("tool".equals(message.role()) && !message.toolCalls().isEmpty()) {
            String outcome = message.toolCalls().getFirst().outcome();
            if (outcome != null) {
                line.append(" [").append(outcome).append(']');
            }
        }
        if ("assistant".equals(message.role()) && !message.toolCalls().isEmpty()) {
            line.append(" [calls ")
                    .append(String.join(
                            ", ",
                            message.toolCalls().stream()
                                    .map(ToolCallTrace::tool)
                                    .toList()))
                    .append(']');
        }
        String content = message.content() == null ? "" : message.content().strip();
        if ("tool".equals(message.role()) && content.length() > MAX_TOOL_CHARS) {
            int end = MAX_TOOL_CHARS;
            if (Character.isHighSurrogate(content.charAt(end - 1))) {
                end--;
            }
            content = content.substring(0, end) + " [... " + (content.length() - end) + " more characters]";
        }
        return line.append(": ").append(content).toString();
    }
}

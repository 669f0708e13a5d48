package dev.uniwizard.mesh.memory.historian;

import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.payload.StoredMessage;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** Who said a message, as summaries name them: the operator for user messages, the house for assistant messages. */
final class Speakers {

    private Speakers() {}

    /** The operator's display name (or user id), the house, {@code tool <name>} or the role. */
    static String of(StoredMessage message) {
        String role = message.role() == null ? "unknown" : message.role();
        return switch (role) {
            case "user" -> operator(message.sender()) == null ? "user" : operator(message.sender());
            case "assistant" -> blank(message.house()) ? "assistant" : message.house();
            case "tool" -> {
                String tool = message.toolCalls().isEmpty()
                        ? null
                        : message.toolCalls().getFirst().tool();
                yield blank(tool) ? "tool" : "tool " + tool;
            }
            default -> role;
        };
    }

    /** The houses that handled the messages, sorted. */
    static List<String> houses(Collection<StoredMessage> messages) {
        TreeSet<String> houses = new TreeSet<>();
        for (StoredMessage message : messages) {
            if (!blank(message.house())) {
                houses.add(message.house());
            }
        }
        return List.copyOf(houses);
    }

    /** The people who wrote the user messages, sorted. */
    static List<String> operators(Collection<StoredMessage> messages) {
        TreeSet<String> operators = new TreeSet<>();
        for (StoredMessage message : messages) {
            if ("user".equals(message.role())) {
                String operator = operator(message.sender());
                if (operator != null) {
                    operators.add(operator);
                }
            }
        }
        return List.copyOf(operators);
    }

    private static String operator(Sender sender) {
        if (sender == null) {
            return null;
        }
        if (!blank(sender.displayName())) {
            return sender.displayName().strip();
        }
        return blank(sender.userId()) ? null : sender.userId().strip();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}

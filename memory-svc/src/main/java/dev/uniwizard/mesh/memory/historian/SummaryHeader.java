package dev.uniwizard.mesh.memory.historian;

import dev.uniwizard.mesh.core.payload.StoredMessage;
import java.time.Instant;
import java.util.List;

/**
 * The first line of every summary: which conversation, how many messages, when, with which houses and operators. Both
 * the extractive and the model summary start with it, so a search finds summaries by house or operator either way.
 */
public final class SummaryHeader {

    private SummaryHeader() {}

    /**
     * {@code Conversation <id>: <n> messages from <first> to <last>, houses: a, b; operators: x}.
     *
     * @param messages the messages summarized, at least one
     */
    public static String of(String conversationId, List<StoredMessage> messages) {
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a summary needs at least one message");
        }
        Instant first = messages.getFirst().at();
        Instant last = first;
        for (StoredMessage message : messages) {
            if (message.at().isBefore(first)) {
                first = message.at();
            }
            if (message.at().isAfter(last)) {
                last = message.at();
            }
        }
        int n = messages.size();
        return "Conversation " + conversationId + ": " + n + (n == 1 ? " message" : " messages") + " from " + first
                + " to " + last + ", houses: " + list(Speakers.houses(messages)) + "; operators: "
                + list(Speakers.operators(messages));
    }

    private static String list(List<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}

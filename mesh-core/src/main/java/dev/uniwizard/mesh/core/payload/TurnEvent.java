package dev.uniwizard.mesh.core.payload;

import java.time.Instant;
import java.util.Map;

/**
 * Published by a house on {@code <root>.events.turn} when it has answered a task (or given it up for good): the record
 * behind per-agent stats. A task the house will see again (model down, memory unreachable) publishes nothing until its
 * final attempt.
 *
 * @param house the house
 * @param taskId the task envelope's id
 * @param correlationId the operator request it served
 * @param conversationId the conversation
 * @param mode the mode the turn ran in ({@code simple}, {@code intelligent}, {@code sovereign})
 * @param outcome {@link #OK} (answered on the first delivery), {@link #RETRIED} (answered after a redelivery or after
 *     retrying a tool), {@link #FAILED} (an error reply, or the task was given up)
 * @param attempt the delivery attempt that answered (1 for the first)
 * @param durationMillis wall time of this attempt, from taking the task to publishing the reply
 * @param toolCalls tool calls decided in the turn
 * @param receivedFrom who sent the task, by class: {@link #OPERATOR}, {@link #HOUSE}, {@link #SCHEDULER},
 *     {@link #SERVICE}
 * @param sent messages the turn sent, by recipient class ({@link #OPERATOR}, {@link #HOUSE}, {@link #SCHEDULER}): the
 *     reply and every {@code send_message}
 * @param errorCode the reply's error code when {@code outcome} is {@link #FAILED}, else null
 * @param at when the turn ended
 */
public record TurnEvent(
        String house,
        String taskId,
        String correlationId,
        String conversationId,
        String mode,
        String outcome,
        int attempt,
        long durationMillis,
        int toolCalls,
        String receivedFrom,
        Map<String, Integer> sent,
        String errorCode,
        Instant at) {

    public static final String OK = "ok";
    public static final String RETRIED = "retried";
    public static final String FAILED = "failed";

    public static final String OPERATOR = "operator";
    public static final String HOUSE = "house";
    public static final String SCHEDULER = "scheduler";
    public static final String SERVICE = "service";

    public TurnEvent {
        sent = sent == null ? Map.of() : Map.copyOf(sent);
    }
}

package dev.uniwizard.mesh.house.engine;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.house.config.HouseMode;
import dev.uniwizard.mesh.house.gates.ConversationLedger;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * What every tool call of one task's turn needs to know.
 *
 * @param task the task envelope (its id seeds every derived id: approvals, stored messages, events)
 * @param mode the mode the turn runs in
 * @param approvalsRequired whether side-effecting calls need an approval (SOVEREIGN configured or asked for)
 * @param ledger what this conversation has read, changed and proved so far
 * @param deadline when the turn's time budget runs out
 * @param keepAlive tells JetStream the task is still being worked on
 * @param notifyOperator sends the operator an interim message (e.g. that an approval is awaited)
 */
public record TurnContext(
        Envelope task,
        HouseMode mode,
        boolean approvalsRequired,
        ConversationLedger ledger,
        Instant deadline,
        Runnable keepAlive,
        Consumer<String> notifyOperator) {

    public String conversationId() {
        return task.conversationId();
    }

    public String correlationId() {
        return task.correlationId();
    }
}

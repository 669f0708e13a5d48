package dev.uniwizard.mesh.testkit;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.payload.MessagePayload;
import dev.uniwizard.mesh.core.payload.TaskPayload;
import dev.uniwizard.mesh.core.trust.NodeRole;

/** Envelopes as the real gateway and router produce them, signed with the standard test nodes' keys. */
public final class TestExchanges {

    public static final Sender ALICE = new Sender("http", "alice", "Alice");

    private TestExchanges() {}

    /** What gateway-test publishes for an operator's message in a fresh conversation. */
    public static Envelope operatorMessage(String house, String text) {
        return TestKeyring.shared()
                .signer("gateway-test", NodeRole.GATEWAY)
                .originate(
                        EnvelopeKind.MESSAGE,
                        "conv-" + System.nanoTime(),
                        house,
                        ALICE,
                        new MessagePayload(text),
                        null);
    }

    /** What router-test publishes for {@code message} after choosing {@code house}; replies go to http. */
    public static Envelope routedTask(Envelope message, String house, String text) {
        return TestKeyring.shared()
                .signer("router-test", NodeRole.ROUTER)
                .follow(message, "task", EnvelopeKind.TASK, house, new TaskPayload(text, "http", "test"), null);
    }
}

package dev.uniwizard.mesh.house.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.payload.TaskPayload;
import dev.uniwizard.mesh.core.payload.TurnEvent;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.house.engine.ToolOutcome;
import dev.uniwizard.mesh.testkit.TestKeyring;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TurnClassesTest {

    @Test
    void aRoutedTaskIsAnOperatorsUnlessAHouseSentIt() {
        assertThat(TurnClasses.receivedFrom(NodeRole.ROUTER, task("router-test", new Sender("telegram", "42", "Al"))))
                .isEqualTo(TurnEvent.OPERATOR);
        assertThat(TurnClasses.receivedFrom(NodeRole.ROUTER, task("router-test", new Sender("mesh", "ezra", "Ezra"))))
                .isEqualTo(TurnEvent.HOUSE);
        assertThat(TurnClasses.receivedFrom(NodeRole.ROUTER, task("router-test", null)))
                .isEqualTo(TurnEvent.OPERATOR);
    }

    @Test
    void aServiceTaskIsTheSchedulersOnlyWhenASchedulerNodeSignedIt() {
        Sender job = new Sender("scheduler", "nightly", "job nightly");

        assertThat(TurnClasses.receivedFrom(NodeRole.SERVICE, task("scheduler-test", job)))
                .isEqualTo(TurnEvent.SCHEDULER);
        assertThat(TurnClasses.receivedFrom(NodeRole.SERVICE, task("memory-test", job)))
                .isEqualTo(TurnEvent.SERVICE);
    }

    @Test
    void repliesAreClassedByTheirPlatform() {
        assertThat(TurnClasses.recipientOf("mesh")).isEqualTo(TurnEvent.HOUSE);
        assertThat(TurnClasses.recipientOf("scheduler")).isEqualTo(TurnEvent.SCHEDULER);
        assertThat(TurnClasses.recipientOf("http")).isEqualTo(TurnEvent.OPERATOR);
        assertThat(TurnClasses.recipientOf("telegram")).isEqualTo(TurnEvent.OPERATOR);
    }

    @Test
    void sentCountsTheReplyAndEverySuccessfulSendMessage() {
        List<ToolOutcome> calls = List.of(
                call("send_message", "bezalel", ToolOutcome.Status.OK),
                call("send_message", "house:timmy", ToolOutcome.Status.OK),
                call("send_message", "telegram:12345", ToolOutcome.Status.OK),
                call("send_message", "scheduler:nightly", ToolOutcome.Status.OK),
                call("send_message", "ezra", ToolOutcome.Status.REFUSED),
                call("send_message", "not a recipient", ToolOutcome.Status.OK),
                call("echo", "ezra", ToolOutcome.Status.OK));

        assertThat(TurnClasses.sent("http", calls))
                .isEqualTo(Map.of(TurnEvent.OPERATOR, 2, TurnEvent.HOUSE, 2, TurnEvent.SCHEDULER, 1));
        assertThat(TurnClasses.sent("mesh", List.of())).isEqualTo(Map.of(TurnEvent.HOUSE, 1));
        assertThat(TurnClasses.sent(null, List.of())).isEmpty();
    }

    private static Envelope task(String node, Sender sender) {
        return TestKeyring.shared()
                .signer(node, node.startsWith("router") ? NodeRole.ROUTER : NodeRole.SERVICE)
                .originate(EnvelopeKind.TASK, "conv-1", "keeper", sender, new TaskPayload("hi", "http", "test"), null);
    }

    private static ToolOutcome call(String tool, String to, ToolOutcome.Status status) {
        return new ToolOutcome("c1", tool, Map.of("to", to, "text", "hello"), status, "", 1, Duration.ZERO);
    }
}

package dev.uniwizard.mesh.house.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.payload.TaskPayload;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.testkit.TestKeyring;
import org.junit.jupiter.api.Test;

class TaskOriginsTest {

    @Test
    void theRouterAndTheSchedulersNodesMayGiveHousesWork() {
        assertThat(TaskOrigins.check(NodeRole.ROUTER, task("router-test", NodeRole.ROUTER)))
                .isEmpty();
        assertThat(TaskOrigins.check(NodeRole.SERVICE, task("scheduler-test", NodeRole.SERVICE)))
                .isEmpty();
        assertThat(TaskOrigins.check(NodeRole.SERVICE, task("scheduler", NodeRole.SERVICE)))
                .isEmpty();
        assertThat(TaskOrigins.check(NodeRole.SERVICE, task("scheduler-2", NodeRole.SERVICE)))
                .isEmpty();
    }

    @Test
    void otherServicesAndUnknownNodesAreRefused() {
        assertThat(TaskOrigins.check(NodeRole.SERVICE, task("memory-test", NodeRole.SERVICE)))
                .get()
                .extracting(TaskOrigins.Violation::reason)
                .isEqualTo("service_not_scheduler");
        assertThat(TaskOrigins.check(NodeRole.SERVICE, task("scheduler-evil-1", NodeRole.SERVICE)))
                .get()
                .extracting(TaskOrigins.Violation::reason)
                .isEqualTo("service_not_scheduler");
        assertThat(TaskOrigins.check(NodeRole.HOUSE, task("ezra-test", NodeRole.HOUSE)))
                .get()
                .extracting(TaskOrigins.Violation::reason)
                .isEqualTo("role_not_allowed");
        assertThat(TaskOrigins.check(null, task("router-test", NodeRole.ROUTER)))
                .get()
                .extracting(TaskOrigins.Violation::detail)
                .isEqualTo("node 'router-test' is no longer in the trust store");
    }

    private static Envelope task(String node, NodeRole role) {
        return TestKeyring.shared()
                .signer(node, role)
                .originate(
                        EnvelopeKind.TASK,
                        "job:x",
                        "keeper",
                        new Sender("scheduler", "x", "job x"),
                        new TaskPayload("/tool echo text=hi", "scheduler", "test"),
                        null);
    }
}

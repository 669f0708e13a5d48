package dev.uniwizard.mesh.router.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.payload.MessagePayload;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.HouseNodes;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.testkit.TestKeyring;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OriginPolicyTest {

    private final Subjects subjects = new Subjects("mesh");
    private final OriginPolicy policy = new OriginPolicy(subjects);

    @Test
    void gatewaysSpeakOnOperatorPlatformsButNotOnTheMesh() {
        Envelope message = signed("gateway-test", NodeRole.GATEWAY, new Sender("http", "alice", "Alice"));

        assertThat(policy.check(NodeRole.GATEWAY, message, "mesh.in.http")).isEmpty();
        assertThat(policy.check(NodeRole.GATEWAY, message, "mesh.in.telegram")).isEmpty();
        assertThat(reason(policy.check(NodeRole.GATEWAY, message, "mesh.in.mesh")))
                .hasValue("gateway_on_mesh");
    }

    @Test
    void housesSpeakOnlyOnTheMeshAsThemselves() {
        Envelope own = signed("ezra-test", NodeRole.HOUSE, new Sender("mesh", "ezra", "Ezra"));

        assertThat(policy.check(NodeRole.HOUSE, own, "mesh.in.mesh")).isEmpty();
        assertThat(reason(policy.check(NodeRole.HOUSE, own, "mesh.in.http"))).hasValue("house_outside_mesh");
        assertThat(policy.check(NodeRole.HOUSE, own, "mesh.in.http")
                        .orElseThrow()
                        .detail())
                .isEqualTo("house node ezra-test may not publish on mesh.in.http: houses send messages only on the"
                        + " mesh platform");
    }

    @Test
    void aHouseMayNotClaimAnotherSender() {
        for (Sender sender : new Sender[] {
            new Sender("mesh", "bezalel", "Bezalel"),
            new Sender("http", "ezra", "Ezra"),
            new Sender("mesh", "Ezra!", null),
            new Sender("mesh", null, null),
            null
        }) {
            Envelope message = signed("ezra-test", NodeRole.HOUSE, sender);
            assertThat(reason(policy.check(NodeRole.HOUSE, message, "mesh.in.mesh")))
                    .as("sender %s", sender)
                    .hasValue("house_bad_sender");
        }
    }

    @Test
    void otherRolesAndForgottenNodesAreRefused() {
        Envelope message = signed("router-test", NodeRole.ROUTER, new Sender("mesh", "router", null));

        assertThat(reason(policy.check(NodeRole.ROUTER, message, "mesh.in.mesh")))
                .hasValue("role_not_allowed");
        assertThat(reason(policy.check(null, message, "mesh.in.http"))).hasValue("unknown_node");
    }

    @Test
    void aNodeSpeaksForTheHouseItIsNamedAfter() {
        assertThat(HouseNodes.speaksFor("ezra-1", "ezra")).isTrue();
        assertThat(HouseNodes.speaksFor("ezra-test", "ezra")).isTrue();
        assertThat(HouseNodes.speaksFor("ezra", "ezra")).isTrue();
        assertThat(HouseNodes.speaksFor("ezra-two-1", "ezra-two")).isTrue();
        assertThat(HouseNodes.speaksFor("ezra-two-1", "ezra")).isFalse();
        assertThat(HouseNodes.speaksFor("ezra-", "ezra")).isFalse();
        assertThat(HouseNodes.speaksFor("ezrax-1", "ezra")).isFalse();
        assertThat(HouseNodes.speaksFor("bezalel-1", "ezra")).isFalse();
        assertThat(HouseNodes.speaksFor(null, "ezra")).isFalse();
    }

    private static Optional<String> reason(Optional<OriginPolicy.Violation> violation) {
        return violation.map(OriginPolicy.Violation::reason);
    }

    private static Envelope signed(String node, NodeRole role, Sender sender) {
        return TestKeyring.shared()
                .signer(node, role)
                .originate(EnvelopeKind.MESSAGE, "conv-1", "bezalel", sender, new MessagePayload("hi"), null);
    }
}

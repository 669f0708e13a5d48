package dev.uniwizard.mesh.memory.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.core.trust.NodeRole;
import org.junit.jupiter.api.Test;

class RequesterTest {

    @Test
    void aHouseNodeSpeaksForTheHouseItsIdNames() {
        assertThat(Requester.node("ezra", NodeRole.HOUSE, null)).isEqualTo(new Requester("ezra", "ezra"));
        assertThat(Requester.node("ezra-1", NodeRole.HOUSE, null)).isEqualTo(new Requester("ezra-1", "ezra"));
        assertThat(Requester.node("ezra-test", NodeRole.HOUSE, null).house()).isEqualTo("ezra");
        assertThat(Requester.node("ezra-two-1", NodeRole.HOUSE, null).house()).isEqualTo("ezra-two");
    }

    @Test
    void theEnvelopesHouseCountsOnlyWhenTheNodeSpeaksForIt() {
        assertThat(Requester.node("ezra-two", NodeRole.HOUSE, "ezra-two").house())
                .isEqualTo("ezra-two");
        assertThat(Requester.node("ezra-1", NodeRole.HOUSE, "timmy").house()).isEqualTo("ezra");
        assertThat(Requester.node("ezra-two-1", NodeRole.HOUSE, "ezra").house()).isEqualTo("ezra-two");
    }

    @Test
    void otherNodesAndOperatorsHaveNoHouse() {
        assertThat(Requester.node("router-1", NodeRole.ROUTER, "ezra")).isEqualTo(new Requester("router-1", null));
        assertThat(Requester.node("gone-1", null, null).house()).isNull();
        assertThat(Requester.operator("alice")).isEqualTo(new Requester("operator:alice", null));
    }
}

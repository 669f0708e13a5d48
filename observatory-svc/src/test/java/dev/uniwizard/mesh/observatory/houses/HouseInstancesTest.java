package dev.uniwizard.mesh.observatory.houses;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.core.payload.HeartbeatPayload;
import dev.uniwizard.mesh.core.signing.NodeKey;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.core.trust.TrustStore;
import dev.uniwizard.mesh.observatory.health.HeartbeatStore;
import dev.uniwizard.mesh.observatory.health.InstanceState;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HouseInstancesTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    private final Map<String, NodeRole> roles = Map.of(
            "ezra", NodeRole.HOUSE,
            "ezra-2", NodeRole.HOUSE,
            "bezalel-1", NodeRole.HOUSE,
            "ezra-9", NodeRole.GATEWAY);
    private final TrustStore trust = nodeId -> Optional.ofNullable(roles.get(nodeId))
            .map(role -> NodeKey.generate(nodeId, role).trusted());
    private final HeartbeatStore store = new HeartbeatStore();

    @Test
    void onlyHouseNodesThatSpeakForTheHouseCount() {
        beat("ezra", "ezra");
        beat("ezra", "ezra-2");
        beat("ezra", "bezalel-1"); // a house node, but not this house's
        beat("ezra", "ezra-9"); // named like the house, but a gateway
        beat("ezra", "ezra-3"); // not trusted at all
        beat("bezalel", "bezalel-1");

        assertThat(new HouseInstances(store, trust).of("ezra"))
                .extracting(InstanceState::instance)
                .containsExactlyInAnyOrder("ezra", "ezra-2");
        assertThat(new HouseInstances(store, trust).of("bezalel"))
                .extracting(InstanceState::instance)
                .containsExactly("bezalel-1");
        assertThat(new HouseInstances(store, trust).of("timmy")).isEmpty();
    }

    private void beat(String service, String instance) {
        store.record(new HeartbeatPayload(service, instance, "1.0", NOW, 1, "UP", 5), NOW);
    }
}

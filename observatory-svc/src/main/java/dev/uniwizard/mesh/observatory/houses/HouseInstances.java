package dev.uniwizard.mesh.observatory.houses;

import dev.uniwizard.mesh.core.trust.HouseNodes;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.core.trust.TrustStore;
import dev.uniwizard.mesh.core.trust.TrustedNode;
import dev.uniwizard.mesh.observatory.health.HeartbeatStore;
import dev.uniwizard.mesh.observatory.health.InstanceState;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The latest heartbeats of a house's own instances, from the {@link HeartbeatStore}: only those sent by a house node
 * that speaks for the house ({@code ezra}, {@code ezra-2}), so no other node can change a house's login or version
 * state. (A heartbeat's instance is the node that signed it; the heartbeat tracker makes sure of that.)
 */
@Singleton
public class HouseInstances {

    private final HeartbeatStore store;
    private final TrustStore trust;

    public HouseInstances(HeartbeatStore store, TrustStore trust) {
        this.store = store;
        this.trust = trust;
    }

    public List<InstanceState> of(String house) {
        return store.latest().stream()
                .filter(state -> state.service().equals(house))
                .filter(state -> HouseNodes.speaksFor(state.instance(), house))
                .filter(state -> trust.find(state.instance())
                        .map(TrustedNode::role)
                        .filter(role -> role == NodeRole.HOUSE)
                        .isPresent())
                .toList();
    }
}

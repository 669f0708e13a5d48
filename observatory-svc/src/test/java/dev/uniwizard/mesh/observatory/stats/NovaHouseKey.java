package dev.uniwizard.mesh.observatory.stats;

import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.testkit.TestKeyring;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Trusts {@value #NODE}, a node of house {@value #HOUSE} (which is not in {@code mesh.houses}), before the service
 * starts, so the observatory knows its key from the start.
 */
public class NovaHouseKey implements QuarkusTestResourceLifecycleManager {

    public static final String HOUSE = "nova";
    public static final String NODE = "nova-1";

    @Override
    public Map<String, String> start() {
        TestKeyring.shared().key(NODE, NodeRole.HOUSE);
        return Map.of();
    }

    @Override
    public void stop() {}
}

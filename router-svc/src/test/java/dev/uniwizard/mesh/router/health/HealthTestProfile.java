package dev.uniwizard.mesh.router.health;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Short health windows for {@link HealthRoutingTest}: houses never heard from are down 2 s after the router starts;
 * failover with Timmy as Ezra's backup; Bezalel has no backup, so its work is queued.
 */
public class HealthTestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "mesh.house-liveness.missed-heartbeats", "2",
                "mesh.house-liveness.default-interval", "1s",
                "router.health.policy", "failover",
                "router.health.backup.ezra", "timmy");
    }
}

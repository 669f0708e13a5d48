package dev.uniwizard.mesh.memory.historian;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The historian run by the tests only (not scheduled), conversations idle after an hour (tests age them in SQL), three
 * messages enough for a summary, no retention.
 */
public class HistorianTestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "memory.historian.enabled", "false",
                "memory.historian.every", "1h",
                "memory.historian.idle-after", "1h",
                "memory.historian.min-messages", "3",
                "memory.historian.batch", "100",
                "memory.historian.extractive-sentences", "3");
    }
}

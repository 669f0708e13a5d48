package dev.uniwizard.mesh.memory.retention;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The historian run by the tests only, with messages kept for one day once summarized. */
public class RetentionTestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "memory.historian.enabled", "false",
                "memory.historian.every", "1h",
                "memory.historian.idle-after", "1h",
                "memory.historian.min-messages", "3",
                "memory.historian.batch", "100",
                "memory.retention.messages", "1d");
    }
}

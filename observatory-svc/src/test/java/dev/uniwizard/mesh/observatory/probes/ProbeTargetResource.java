package dev.uniwizard.mesh.observatory.probes;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Starts a {@link FakeProbeTarget} and configures the probe {@code fake} on its {@code /ok}. */
public class ProbeTargetResource implements QuarkusTestResourceLifecycleManager {

    private FakeProbeTarget target;

    @Override
    public Map<String, String> start() {
        target = new FakeProbeTarget();
        return Map.of("observatory.probes.fake.url", target.url() + "/ok", "observatory.probes.fake.timeout", "500ms");
    }

    @Override
    public void stop() {
        if (target != null) {
            target.close();
        }
    }
}

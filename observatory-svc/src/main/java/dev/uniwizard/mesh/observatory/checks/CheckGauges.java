package dev.uniwizard.mesh.observatory.checks;

import dev.uniwizard.mesh.core.observatory.CheckResult;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * {@code mesh_observatory_check_state{kind,check}}: every current check's state as {@code CheckState.code()} (0 ok,
 * 1 warn, 2 critical, 3 error). A check that is no longer reported (a forgotten instance) loses its gauge.
 */
@Singleton
public class CheckGauges {

    public static final String METRIC = "mesh.observatory.check.state";

    private record Tracked(AtomicInteger code, Gauge gauge) {}

    private final MeterRegistry registry;
    private final Map<String, Tracked> tracked = new ConcurrentHashMap<>();

    public CheckGauges(MeterRegistry registry) {
        this.registry = registry;
    }

    public void update(List<CheckResult> results) {
        for (CheckResult result : results) {
            tracked.computeIfAbsent(result.id(), id -> register(result))
                    .code()
                    .set(result.state().code());
        }
        Set<String> current = results.stream().map(CheckResult::id).collect(Collectors.toSet());
        tracked.entrySet().removeIf(entry -> {
            if (current.contains(entry.getKey())) {
                return false;
            }
            registry.remove(entry.getValue().gauge());
            return true;
        });
    }

    /** Removes the gauges, so a registry that outlives this bean (tests restart the app) does not read a dead one. */
    @PreDestroy
    void removeAll() {
        tracked.values().forEach(entry -> registry.remove(entry.gauge()));
        tracked.clear();
    }

    private Tracked register(CheckResult result) {
        AtomicInteger code = new AtomicInteger(result.state().code());
        Gauge gauge = Gauge.builder(METRIC, code, AtomicInteger::get)
                .tag("kind", result.kind())
                .tag("check", result.id())
                .description("State of the check: 0 ok, 1 warn, 2 critical, 3 error")
                .register(registry);
        return new Tracked(code, gauge);
    }
}

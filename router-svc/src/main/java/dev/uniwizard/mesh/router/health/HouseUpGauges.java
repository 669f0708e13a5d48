package dev.uniwizard.mesh.router.health;

import dev.uniwizard.mesh.router.routing.HouseSelector;
import dev.uniwizard.mesh.service.health.HouseLiveness;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;

/**
 * Registers {@code mesh.router.house.up{house}} (1 up, 0 down) for every house of {@code router.houses}. Started with
 * the router, so the houses' heartbeats are watched from the start and not only once the first message arrives.
 */
@Startup(90)
@Singleton
public class HouseUpGauges {

    private final HouseLiveness liveness;
    private final HouseSelector selector;
    private final MeterRegistry registry;

    public HouseUpGauges(HouseLiveness liveness, HouseSelector selector, MeterRegistry registry) {
        this.liveness = liveness;
        this.selector = selector;
        this.registry = registry;
    }

    @PostConstruct
    void register() {
        HealthProducer.requireWatched(selector.houses(), liveness.houses());
        for (String house : selector.houses()) {
            Gauge.builder("mesh.router.house.up", liveness, l -> l.isUp(house) ? 1 : 0)
                    .description("1 while the house sends heartbeats, 0 when the router counts it as down")
                    .tag("house", house)
                    .register(registry);
        }
    }
}

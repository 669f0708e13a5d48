package dev.uniwizard.mesh.router.health;

import dev.uniwizard.mesh.router.config.RouterConfig;
import dev.uniwizard.mesh.router.routing.HouseSelector;
import dev.uniwizard.mesh.router.routing.HouseTitles;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the health tracker and policy from {@code router.health.*}, checking the backups name known houses, and
 * registers the gauge {@code mesh.router.house.up{house}} (1 up, 0 down) for every house.
 */
public class HealthProducer {

    @Produces
    @Singleton
    HouseHealth health(RouterConfig config, Clock clock, HouseSelector selector, MeterRegistry registry) {
        HouseHealth health = new HouseHealth(
                clock, config.health().missedHeartbeats(), config.health().defaultInterval());
        for (String house : selector.houses()) {
            Gauge.builder("mesh.router.house.up", health, h -> h.isUp(house) ? 1 : 0)
                    .description("1 while the house sends heartbeats, 0 when the router counts it as down")
                    .tag("house", house)
                    .register(registry);
        }
        return health;
    }

    @Produces
    @Singleton
    HealthPolicy policy(
            RouterConfig config,
            HouseHealth health,
            HouseSelector selector,
            HouseTitles titles,
            MeterRegistry registry) {
        return new HealthPolicy(
                health, config.health().policy(), backups(config.health().backup(), selector), titles, registry);
    }

    static Map<String, String> backups(Map<String, String> configured, HouseSelector selector) {
        Map<String, String> backups = new HashMap<>();
        configured.forEach((house, backup) -> {
            String from = house.strip().toLowerCase(Locale.ROOT);
            String to = backup.strip().toLowerCase(Locale.ROOT);
            if (!selector.isHouse(from) || !selector.isHouse(to)) {
                throw new IllegalArgumentException("router.health.backup." + house + "=" + backup
                        + ": both must be one of router.houses " + selector.houses());
            }
            if (from.equals(to)) {
                throw new IllegalArgumentException(
                        "router.health.backup." + house + " names the house itself; name another house");
            }
            backups.put(from, to);
        });
        return backups;
    }
}

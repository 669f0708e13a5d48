package dev.uniwizard.mesh.router.health;

import dev.uniwizard.mesh.router.config.RouterConfig;
import dev.uniwizard.mesh.router.routing.HouseSelector;
import dev.uniwizard.mesh.router.routing.HouseTitles;
import dev.uniwizard.mesh.service.health.HouseLiveness;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the health policy from {@code router.health.*} on the mesh's {@link HouseLiveness} (tuned by
 * {@code mesh.house-liveness.*}), checking that every house of {@code router.houses} is watched and that the backups
 * name known houses.
 */
public class HealthProducer {

    @Produces
    @Singleton
    HealthPolicy policy(
            RouterConfig config,
            HouseLiveness liveness,
            HouseSelector selector,
            HouseTitles titles,
            MeterRegistry registry) {
        requireWatched(selector.houses(), liveness.houses());
        return new HealthPolicy(
                liveness, config.health().policy(), backups(config.health().backup(), selector), titles, registry);
    }

    static void requireWatched(List<String> routed, List<String> watched) {
        List<String> unwatched =
                routed.stream().filter(h -> !watched.contains(h)).toList();
        if (!unwatched.isEmpty()) {
            throw new IllegalArgumentException("router.houses " + routed + " names " + unwatched
                    + " whose heartbeats nobody watches: mesh.houses is " + watched
                    + " (leave mesh.houses unset on the router: it follows router.houses)");
        }
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

package dev.uniwizard.mesh.observatory.houses;

import dev.uniwizard.mesh.observatory.config.HousesConfig;
import dev.uniwizard.mesh.observatory.config.RetentionConfig;
import dev.uniwizard.mesh.observatory.health.MeshHealth;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The house judge from {@code observatory.houses.expected-version} (default: the observatory's own
 * {@code quarkus.application.version}) and {@code observatory.forget-after}.
 */
public class HouseViewsProducer {

    @Produces
    @Singleton
    HouseViews houseViews(
            MeshHealth health,
            HousesConfig houses,
            RetentionConfig retention,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev") String ownVersion) {
        return new HouseViews(
                health, retention.forgetAfter(), houses.expectedVersion().orElse(ownVersion));
    }
}

package dev.uniwizard.mesh.observatory.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** What the observatory expects of the houses, under {@code observatory.houses.*}. */
@ConfigMapping(prefix = "observatory.houses")
public interface HousesConfig {

    /**
     * The version every house should run; a house running another one needs an update ({@code version:<house>} warns,
     * a {@code NeedsUpdate} event fires). Defaults to the observatory's own {@code quarkus.application.version}.
     */
    Optional<String> expectedVersion();
}

package dev.uniwizard.mesh.observatory.houses;

import dev.uniwizard.mesh.service.config.MeshConfig;
import dev.uniwizard.mesh.service.health.HouseLiveness;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The houses the observatory watches: {@code mesh.houses}, read as the rest of the mesh reads it
 * ({@link HouseLiveness#houseNames}). A name that is not a subject token stops the start with a message.
 */
@Singleton
public class ObservedHouses {

    private final List<String> names;

    public ObservedHouses(MeshConfig config) {
        this.names = HouseLiveness.houseNames(config.houses());
    }

    public List<String> names() {
        return names;
    }
}

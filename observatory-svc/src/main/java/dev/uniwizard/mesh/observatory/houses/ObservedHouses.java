package dev.uniwizard.mesh.observatory.houses;

import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.service.config.MeshConfig;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The houses the observatory watches: {@code mesh.houses}, normalized as the rest of the mesh reads it (trimmed, lower
 * case, duplicates dropped). A name that is not a subject token stops the start with a message.
 */
@Singleton
public class ObservedHouses {

    private final List<String> names;

    public ObservedHouses(MeshConfig config) {
        this.names = normalize(config.houses());
    }

    public List<String> names() {
        return names;
    }

    static List<String> normalize(List<String> configured) {
        List<String> houses = new ArrayList<>();
        for (String name : configured) {
            String house = name.strip().toLowerCase(Locale.ROOT);
            if (!Subjects.isToken(house)) {
                throw new IllegalArgumentException("mesh.houses: '" + name
                        + "' is not a valid house name (1-64 lower-case letters, digits, '_' or '-')");
            }
            if (!houses.contains(house)) {
                houses.add(house);
            }
        }
        if (houses.isEmpty()) {
            throw new IllegalArgumentException("mesh.houses names no house");
        }
        return List.copyOf(houses);
    }
}

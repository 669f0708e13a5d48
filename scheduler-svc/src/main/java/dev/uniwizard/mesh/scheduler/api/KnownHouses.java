package dev.uniwizard.mesh.scheduler.api;

import dev.uniwizard.mesh.service.config.MeshConfig;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The houses a job may target: the mesh's houses ({@code mesh.houses}, default timmy, ezra, bezalel), the same list
 * whose heartbeats the scheduler watches to tell a house that is down. A job for any other house is refused when it is
 * written instead of publishing tasks nobody reads.
 */
@Singleton
public class KnownHouses {

    public static final String PROPERTY = "mesh.houses";

    private final Set<String> names;

    public KnownHouses(MeshConfig config) {
        TreeSet<String> known = new TreeSet<>();
        for (String house : config.houses()) {
            if (!house.isBlank()) {
                known.add(house.strip().toLowerCase(Locale.ROOT));
            }
        }
        if (known.isEmpty()) {
            throw new IllegalStateException(PROPERTY + " names no house; list the houses jobs may target");
        }
        this.names = Set.copyOf(known);
    }

    public Set<String> names() {
        return names;
    }
}

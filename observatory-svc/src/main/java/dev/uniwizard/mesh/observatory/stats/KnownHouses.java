package dev.uniwizard.mesh.observatory.stats;

import dev.uniwizard.mesh.observatory.houses.ObservedHouses;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * The houses stats are reported for: those of {@code mesh.houses}, in configured order, then any other house seen in
 * turn or tool-call events, sorted.
 */
@Singleton
public class KnownHouses {

    private final List<String> configured;
    private final StatsQueries queries;

    public KnownHouses(ObservedHouses observed, StatsQueries queries) {
        this.configured = observed.names();
        this.queries = queries;
    }

    /** The houses of {@code mesh.houses}, normalised, without duplicates. */
    public List<String> configured() {
        return configured;
    }

    /** Configured houses, then houses seen in events. */
    public List<String> all() {
        List<String> houses = new ArrayList<>(configured);
        for (String seen : queries.seenHouses()) {
            if (!houses.contains(seen)) {
                houses.add(seen);
            }
        }
        return houses;
    }
}

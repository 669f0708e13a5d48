package dev.uniwizard.mesh.observatory.stats;

import dev.uniwizard.mesh.core.observatory.AgentStats;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Puts together {@link AgentStats} and {@link StatsSeries} for one house or every known house. */
@Singleton
public class HouseStats {

    private final KnownHouses houses;
    private final StatsQueries queries;
    private final InboxDepth inbox;

    public HouseStats(KnownHouses houses, StatsQueries queries, InboxDepth inbox) {
        this.houses = houses;
        this.queries = queries;
        this.inbox = inbox;
    }

    /**
     * The houses to report on: {@code house} alone, or every known house when empty.
     *
     * @throws UnknownHouse when {@code house} is not known
     */
    public List<String> select(Optional<String> house) {
        List<String> known = houses.all();
        if (house.isEmpty()) {
            return known;
        }
        if (!known.contains(house.get())) {
            throw new UnknownHouse(house.get(), known);
        }
        return List.of(house.get());
    }

    public List<AgentStats> stats(List<String> selected, StatsPeriod period) {
        Map<String, HouseNumbers> numbers = queries.numbers(selected, period);
        List<AgentStats> stats = new ArrayList<>(selected.size());
        for (String house : selected) {
            stats.add(agentStats(house, numbers.get(house), period, inbox.of(house)));
        }
        return stats;
    }

    public List<StatsSeries> series(List<String> selected, StatsPeriod period, Duration step) {
        return List.copyOf(queries.series(selected, period, step).values());
    }

    static AgentStats agentStats(String house, HouseNumbers numbers, StatsPeriod period, Long inboxDepth) {
        double minutes = period.minutes();
        Instant last = numbers.lastTurnAt();
        return new AgentStats(
                house,
                period.since(),
                period.until(),
                numbers.turns(),
                minutes > 0 ? numbers.turns() / minutes : 0.0,
                numbers.toolCallsPerTurn(),
                numbers.turnP50Millis(),
                numbers.turnP95Millis(),
                numbers.outcomes(),
                inboxDepth,
                numbers.received(),
                numbers.sent(),
                numbers.tools(),
                numbers.toolOutcomes(),
                last,
                last == null
                        ? null
                        : Math.max(0, Duration.between(last, period.until()).toMillis()) / 1000.0);
    }
}

package dev.uniwizard.mesh.observatory.stats;

import dev.uniwizard.mesh.observatory.config.StatsConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.logging.Logger;

/**
 * Per-house gauges for Grafana, for every known house: {@code mesh_observatory_agent_turns_per_minute{house}} (turns
 * over the last {@code observatory.stats.gauge-window}, 5 min, per minute) and
 * {@code mesh_observatory_agent_since_last_turn{house}} (seconds since the house's last turn; NaN if it never ended
 * one). Recomputed from the store every {@code observatory.stats.gauge-refresh}, so a scrape costs no query.
 */
@Singleton
public class AgentGauges {

    private static final Logger LOG = Logger.getLogger(AgentGauges.class);

    public static final String TURNS_PER_MINUTE = "mesh.observatory.agent.turns.per.minute";
    public static final String SINCE_LAST_TURN = "mesh.observatory.agent.since.last.turn";

    private final KnownHouses houses;
    private final StatsQueries queries;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Duration window;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private final List<Meter> meters = new CopyOnWriteArrayList<>();
    private volatile Map<String, Long> recentTurns = Map.of();
    private volatile Map<String, Instant> lastTurns = Map.of();

    public AgentGauges(
            KnownHouses houses, StatsQueries queries, StatsConfig config, Clock clock, MeterRegistry registry) {
        this.houses = houses;
        this.queries = queries;
        this.clock = clock;
        this.registry = registry;
        this.window = config.stats().gaugeWindow();
        if (window.toSeconds() < 1) {
            throw new IllegalStateException(
                    "observatory.stats.gauge-window must be at least 1s (e.g. 5m), got " + window);
        }
    }

    @PostConstruct
    void registerConfigured() {
        houses.configured().forEach(this::track);
    }

    /**
     * Removes the gauges: they read this bean, so a registry that outlives it (several application starts in one JVM,
     * as in tests) must not keep answering from a stopped instance.
     */
    @PreDestroy
    void removeGauges() {
        meters.forEach(registry::remove);
        meters.clear();
        registered.clear();
    }

    @Scheduled(
            identity = "observatory-agent-gauges",
            every = "${observatory.stats.gauge-refresh}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warnf("the agent gauges were not refreshed (they keep their last values): %s", e.toString());
        }
    }

    /** Reads the store again and registers gauges for houses seen since the last refresh. */
    public void refresh() {
        houses.all().forEach(this::track);
        recentTurns = Map.copyOf(queries.turnsSince(clock.instant().minus(window)));
        lastTurns = Map.copyOf(queries.lastTurns());
    }

    private void track(String house) {
        if (registered.add(house)) {
            meters.add(Gauge.builder(TURNS_PER_MINUTE, this, gauges -> gauges.turnsPerMinute(house))
                    .tag("house", house)
                    .description("Turns the house ended per minute over the last " + window.toMinutes() + " min")
                    .register(registry));
            meters.add(Gauge.builder(SINCE_LAST_TURN, this, gauges -> gauges.secondsSinceLastTurn(house))
                    .tag("house", house)
                    .description("Seconds since the house's last turn ended (NaN if it never ended one)")
                    .register(registry));
        }
    }

    double turnsPerMinute(String house) {
        return recentTurns.getOrDefault(house, 0L) / (window.toMillis() / 60_000.0);
    }

    double secondsSinceLastTurn(String house) {
        Instant last = lastTurns.get(house);
        if (last == null) {
            return Double.NaN;
        }
        return Math.max(0, Duration.between(last, clock.instant()).toMillis()) / 1000.0;
    }
}

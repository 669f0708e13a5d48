package dev.uniwizard.mesh.observatory.checks;

import dev.uniwizard.mesh.core.observatory.CheckResult;
import dev.uniwizard.mesh.core.observatory.CheckState;
import dev.uniwizard.mesh.core.observatory.CheckTransition;
import dev.uniwizard.mesh.core.observatory.ChecksReport;
import dev.uniwizard.mesh.observatory.config.ChecksConfig;
import dev.uniwizard.mesh.observatory.leader.Leadership;
import dev.uniwizard.mesh.observatory.probes.CheckCatalog;
import dev.uniwizard.mesh.observatory.snapshots.CheckStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Event;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Every {@code observatory.checks.interval}, on the leader only: runs every collector of the {@link CheckCatalog} in
 * parallel ({@link CheckRunner}), stores the results and the state changes ({@link CheckStore}; the first result of a
 * check is a change from nothing), updates {@code mesh_observatory_check_state}, keeps the report for
 * {@code GET /api/v1/checks} and fires {@link ChecksEvaluated}. The cycle is timed in
 * {@code mesh_observatory_checks_duration_seconds}.
 *
 * <p>When the database cannot store the results, the cycle still updates the gauges and fires the event (so a
 * PostgreSQL outage is reported and alerted), logs it and counts it in
 * {@code mesh_observatory_checks_failures_total{stage="store"}}. The last states are read from the database whenever
 * this node becomes the leader, so a takeover does not record changes the previous leader recorded already.
 */
@Startup
@Singleton
public class ChecksEvaluator {

    private static final Logger LOG = Logger.getLogger(ChecksEvaluator.class);
    static final String DURATION = "mesh.observatory.checks.duration";
    static final String FAILURES = "mesh.observatory.checks.failures";

    private final CheckCatalog catalog;
    private final CheckStore store;
    private final CheckGauges gauges;
    private final Leadership leadership;
    private final Event<ChecksEvaluated> evaluated;
    private final Clock clock;
    private final MeterRegistry registry;
    private final CheckRunner runner;
    private final Timer duration;
    private volatile ChecksReport latest;
    private Map<String, CheckState> lastStates;

    public ChecksEvaluator(
            CheckCatalog catalog,
            ChecksConfig config,
            CheckStore store,
            CheckGauges gauges,
            Leadership leadership,
            Event<ChecksEvaluated> evaluated,
            Clock clock,
            MeterRegistry registry) {
        this.catalog = catalog;
        this.store = store;
        this.gauges = gauges;
        this.leadership = leadership;
        this.evaluated = evaluated;
        this.clock = clock;
        this.registry = registry;
        this.runner = new CheckRunner(config.timeout());
        this.duration = Timer.builder(DURATION)
                .description("Time to run every check, store the results and notify")
                .register(registry);
        LOG.infof("checks every %s (collector timeout %s)", config.interval(), config.timeout());
    }

    @Scheduled(
            identity = "observatory-checks",
            every = "${observatory.checks.interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (leadership.isLeader()) {
            evaluate();
        } else {
            forgetLastStates();
        }
    }

    /** Runs every check once and handles the results as described above; the new report. */
    public synchronized ChecksReport evaluate() {
        Timer.Sample sample = Timer.start(registry);
        try {
            Instant at = clock.instant();
            List<CheckResult> results = runner.run(catalog.checks(), at);
            Map<String, CheckState> known = lastStates();
            List<CheckTransition> transitions = Transitions.between(known, results);
            try {
                store.record(results, transitions);
            } catch (RuntimeException e) {
                registry.counter(FAILURES, "stage", "store").increment();
                LOG.errorf(
                        "the results of %d checks and %d state changes could not be stored: %s",
                        results.size(), transitions.size(), e.getMessage());
            }
            results.forEach(result -> known.put(result.id(), result.state()));
            transitions.forEach(ChecksEvaluator::log);
            ChecksReport report = ChecksReports.of(at, results);
            latest = report;
            gauges.update(results);
            notifyObservers(at, results);
            return report;
        } finally {
            sample.stop(duration);
        }
    }

    /**
     * The latest report: this node's own while it leads, else the latest evaluation stored by the leader (or this
     * node's own when the database cannot be read); empty before any evaluation.
     */
    public Optional<ChecksReport> latest() {
        ChecksReport own = latest;
        if (own != null && leadership.isLeader()) {
            return Optional.of(own);
        }
        try {
            return store.latest()
                    .map(results -> ChecksReports.of(results.getFirst().at(), results))
                    .or(() -> Optional.ofNullable(own));
        } catch (RuntimeException e) {
            LOG.warnf("the latest stored checks could not be read: %s", e.getMessage());
            return Optional.ofNullable(own);
        }
    }

    private synchronized void forgetLastStates() {
        lastStates = null;
    }

    private Map<String, CheckState> lastStates() {
        if (lastStates == null) {
            try {
                lastStates = new HashMap<>(store.lastStates());
            } catch (RuntimeException e) {
                registry.counter(FAILURES, "stage", "load").increment();
                LOG.errorf("the checks' last states could not be read, comparing with none: %s", e.getMessage());
                return new HashMap<>();
            }
        }
        return lastStates;
    }

    /** A change at INFO; a check's first result (after a start or takeover: most of them) at DEBUG. */
    private static void log(CheckTransition transition) {
        if (transition.from() == null) {
            LOG.debugf("check %s: %s: %s", transition.check(), transition.to(), transition.message());
        } else {
            LOG.infof(
                    "check %s: %s -> %s: %s",
                    transition.check(), transition.from(), transition.to(), transition.message());
        }
    }

    private void notifyObservers(Instant at, List<CheckResult> results) {
        try {
            evaluated.fire(new ChecksEvaluated(at, results));
        } catch (RuntimeException e) {
            registry.counter(FAILURES, "stage", "observers").increment();
            LOG.errorf(e, "an observer of the checks failed");
        }
    }

    @PreDestroy
    void stop() {
        runner.close();
    }
}

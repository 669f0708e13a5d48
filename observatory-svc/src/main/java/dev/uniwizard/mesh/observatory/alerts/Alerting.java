package dev.uniwizard.mesh.observatory.alerts;

import dev.uniwizard.mesh.core.envelope.Ids;
import dev.uniwizard.mesh.core.observatory.AlertNotification;
import dev.uniwizard.mesh.observatory.checks.ChecksEvaluated;
import dev.uniwizard.mesh.observatory.config.AlertsConfig;
import dev.uniwizard.mesh.observatory.leader.Leadership;
import dev.uniwizard.mesh.observatory.notify.AlertDispatch;
import dev.uniwizard.mesh.store.StoreFailures;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Alerting on the leader: every {@link ChecksEvaluated} goes through the {@link AlertStateMachine} (state kept in
 * PostgreSQL by {@link AlertStore}); every {@code observatory.alerts.tick} the groups due are turned into
 * notifications (stored in the outbox in the same transaction) and the outbox is sent by {@link AlertDispatch}. A
 * restart or another node taking over continues from the stored state: nothing is lost or sent twice. Gauges
 * {@code mesh_observatory_alerts{phase="pending"|"firing"}}.
 */
@Startup
@Singleton
public class Alerting {

    private static final Logger LOG = Logger.getLogger(Alerting.class);

    /** The receiver named in every notification. */
    public static final String RECEIVER = "observatory";

    private final AlertStateMachine machine;
    private final AlertStore store;
    private final AlertDispatch dispatch;
    private final Leadership leadership;
    private final Clock clock;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong firing = new AtomicLong();

    public Alerting(
            AlertsConfig config,
            AlertStore store,
            AlertDispatch dispatch,
            Leadership leadership,
            Clock clock,
            MeterRegistry registry) {
        this.machine = new AlertStateMachine(AlertRules.from(config));
        this.store = store;
        this.dispatch = dispatch;
        this.leadership = leadership;
        this.clock = clock;
        Gauge.builder("mesh.observatory.alerts", pending, AtomicLong::get)
                .tag("phase", AlertPhase.PENDING.wireName())
                .description("Alerts by phase, as of the last evaluation on this node")
                .register(registry);
        Gauge.builder("mesh.observatory.alerts", firing, AtomicLong::get)
                .tag("phase", AlertPhase.FIRING.wireName())
                .description("Alerts by phase, as of the last evaluation on this node")
                .register(registry);
    }

    /** Feeds an evaluation of the checks to the state machine. */
    void onEvaluated(@Observes ChecksEvaluated evaluated) {
        if (!leadership.isLeader()) {
            return;
        }
        try {
            evaluate(evaluated);
        } catch (RuntimeException e) {
            if (StoreFailures.isDatabaseFailure(e)) {
                LOG.errorf(
                        "alerting could not take in the evaluation of %s (database: %s); the next one is tried",
                        evaluated.at(), e.getMessage());
            } else {
                LOG.errorf(e, "alerting could not take in the evaluation of %s; the next one is tried", evaluated.at());
            }
        }
    }

    /** Feeds an evaluation to the state machine and keeps the result. */
    public void evaluate(ChecksEvaluated evaluated) {
        AlertBook book = store.change(before -> {
            AlertBook after = machine.evaluate(before, evaluated.at(), evaluated.results());
            return new AlertStore.Change<>(after, List.of(), after);
        });
        pending.set(book.active().values().stream()
                .filter(a -> a.phase() == AlertPhase.PENDING)
                .count());
        firing.set(book.active().values().stream()
                .filter(a -> a.phase() == AlertPhase.FIRING)
                .count());
    }

    @Scheduled(
            identity = "observatory-alerts",
            every = "${observatory.alerts.tick}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledTick() {
        if (!leadership.isLeader()) {
            return;
        }
        try {
            tick();
        } catch (RuntimeException e) {
            if (StoreFailures.isDatabaseFailure(e)) {
                LOG.warnf(
                        "alert notifications were not sent this time (database: %s); next try in one tick",
                        e.getMessage());
            } else {
                LOG.warnf(e, "alert notifications were not sent this time; next try in one tick");
            }
        }
    }

    /** Decides the notifications due now and sends every unsent one; the ones decided now. */
    public List<AlertNotification> tick() {
        Instant now = clock.instant();
        List<AlertNotification> decided = store.change(before -> {
            AlertStateMachine.Flush flush = machine.flush(before, now);
            List<AlertNotification> notifications = new ArrayList<>();
            for (GroupNotification group : flush.notifications()) {
                notifications.add(new AlertNotification(
                        "4",
                        Ids.newId(clock),
                        group.groupKey(),
                        group.status(),
                        RECEIVER,
                        group.groupLabels(),
                        group.alerts(),
                        AlertText.of(group),
                        group.at()));
            }
            return new AlertStore.Change<>(flush.book(), notifications, notifications);
        });
        dispatch.drain();
        return decided;
    }

    /** The alerts as stored now: what fires and what is pending. */
    public AlertBook current() {
        return store.read();
    }
}

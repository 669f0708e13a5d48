package dev.uniwizard.mesh.memory.historian;

import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * Runs the {@link Historian} every {@code memory.historian.every} on this node, unless
 * {@code memory.historian.enabled=false}; a run still going when the next is due makes that one skip.
 */
@Singleton
public class HistorianSchedule {

    private static final Logger LOG = Logger.getLogger(HistorianSchedule.class);

    private final Historian historian;

    public HistorianSchedule(Historian historian) {
        this.historian = historian;
    }

    @Scheduled(
            identity = "memory-historian",
            every = "${memory.historian.every:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = HistorianDisabled.class)
    void run() {
        try {
            HistorianReport report = historian.runOnce();
            if (!report.idle()) {
                LOG.infof(
                        "historian: %d conversations summarized, %d failed, %d messages pruned%s",
                        report.summarized().size(),
                        report.failed().size(),
                        report.messagesPruned(),
                        report.pruneError() == null ? "" : " (pruning failed: " + report.pruneError() + ")");
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "the historian run failed (next try in memory.historian.every): %s", e.getMessage());
        }
    }
}

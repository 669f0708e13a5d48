package dev.uniwizard.mesh.memory.historian;

import java.time.Instant;
import java.util.List;

/**
 * What one run of the historian did.
 *
 * @param startedAt when the run began
 * @param summarized the conversations summarized, in the order they were done
 * @param failed the conversations that could not be summarized, with the reason (they are tried again next run)
 * @param messagesPruned messages deleted under {@code memory.retention.messages} (0 when it is not set)
 * @param pruneError why pruning failed, or null
 */
public record HistorianReport(
        Instant startedAt, List<Summarized> summarized, List<Failed> failed, long messagesPruned, String pruneError) {

    public HistorianReport {
        summarized = List.copyOf(summarized);
        failed = List.copyOf(failed);
    }

    /** Whether the run did nothing at all (nothing summarized, failed or pruned). */
    public boolean idle() {
        return summarized.isEmpty() && failed.isEmpty() && messagesPruned == 0 && pruneError == null;
    }

    /**
     * One summary written.
     *
     * @param method {@code model} or {@code extractive}
     * @param model the model's name for a model summary, else null
     * @param note why a configured model was not used (its failure), else null
     */
    public record Summarized(
            String conversationId,
            long summaryId,
            String method,
            String model,
            int messageCount,
            long firstSeq,
            long lastSeq,
            String note) {}

    /** A conversation that could not be summarized. */
    public record Failed(String conversationId, String reason) {}
}

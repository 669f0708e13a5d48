package dev.uniwizard.mesh.observatory.snapshots;

import dev.uniwizard.mesh.store.SqlValues;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Deletes the observatory's rows older than a cutoff from {@code check_snapshots}, {@code check_transitions} and
 * {@code alert_notifications}, at most {@code batch} rows per statement (each its own transaction), so a large
 * backlog never holds locks for long. Plain logic over Jdbi; {@link RetentionSweeper} schedules it.
 */
public final class Retention {

    /** A table and its time column. */
    private record Table(String name, String column) {}

    private static final List<Table> TABLES = List.of(
            new Table("check_snapshots", "at"),
            new Table("check_transitions", "at"),
            new Table("alert_notifications", "sent_at"));

    private final Jdbi jdbi;
    private final int batch;

    public Retention(Jdbi jdbi, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("observatory.retention-batch must be at least 1, was " + batch);
        }
        this.jdbi = jdbi;
        this.batch = batch;
    }

    /** Deletes every row older than {@code cutoff}; how many per table, in table order. */
    public Map<String, Long> deleteBefore(Instant cutoff) {
        Map<String, Long> deleted = new LinkedHashMap<>();
        for (Table table : TABLES) {
            long total = 0;
            int last;
            do {
                last = deleteBatch(table, cutoff);
                total += last;
            } while (last == batch);
            deleted.put(table.name(), total);
        }
        return deleted;
    }

    private int deleteBatch(Table table, Instant cutoff) {
        return jdbi.withHandle(
                handle -> handle.createUpdate("DELETE FROM " + table.name() + " WHERE id IN (SELECT id FROM "
                                + table.name() + " WHERE " + table.column() + " < :cutoff LIMIT :batch)")
                        .bind("cutoff", SqlValues.at(cutoff))
                        .bind("batch", batch)
                        .execute());
    }
}

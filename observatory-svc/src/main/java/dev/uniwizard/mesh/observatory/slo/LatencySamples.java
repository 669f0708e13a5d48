package dev.uniwizard.mesh.observatory.slo;

import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Scraped histogram samples of the latency objectives, in {@code slo_latency_samples}. */
@Singleton
public class LatencySamples {

    private final Jdbi jdbi;

    public LatencySamples(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void add(String objective, HistogramSample sample) {
        add(objective, sample, null);
    }

    /** Stores a sample and when the scraped process started (null when it did not say). */
    public void add(String objective, HistogramSample sample, Instant processStartedAt) {
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO slo_latency_samples (objective, at, bounds, counts,"
                        + " total, process_started_at) VALUES (:objective, :at, :bounds, :counts, :total,"
                        + " :started) ON CONFLICT (objective, at) DO NOTHING")
                .bind("objective", objective)
                .bind("started", processStartedAt == null ? null : processStartedAt.atOffset(ZoneOffset.UTC))
                .bind("at", sample.at().atOffset(ZoneOffset.UTC))
                .bindArray("bounds", Double.class, sample.bounds())
                .bindArray("counts", Double.class, sample.counts())
                .bind("total", sample.total())
                .execute());
    }

    /**
     * The samples of {@code [from, to]} that {@link Histograms#increase} needs: the first and the last, and those on
     * either side of a reset (the total went down or the buckets changed). Leaving out the samples in between does not
     * change the increase, and keeps a 30-day window small.
     */
    public List<HistogramSample> window(String objective, Instant from, Instant to) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        WITH s AS (
                            SELECT at, bounds, counts, total,
                                   lag(total) OVER w AS prev_total, lead(total) OVER w AS next_total,
                                   lag(bounds) OVER w AS prev_bounds, lead(bounds) OVER w AS next_bounds,
                                   row_number() OVER w AS rn, count(*) OVER () AS n
                            FROM slo_latency_samples
                            WHERE objective = :objective AND at >= :from AND at <= :to
                            WINDOW w AS (ORDER BY at))
                        SELECT at, bounds, counts FROM s
                        WHERE rn = 1 OR rn = n OR total < prev_total OR next_total < total
                           OR bounds IS DISTINCT FROM prev_bounds OR bounds IS DISTINCT FROM next_bounds
                        ORDER BY at
                        """)
                .bind("objective", objective)
                .bind("from", from.atOffset(ZoneOffset.UTC))
                .bind("to", to.atOffset(ZoneOffset.UTC))
                .map((rs, ctx) -> sample(rs))
                .list());
    }

    /**
     * The window's samples as {@link Histograms#increase} should see them: when the process behind the window's first
     * sample started inside the window, an empty sample at its start comes first, so the observations it made before
     * the first scrape are counted (they happened inside the window).
     */
    public List<HistogramSample> windowFromProcessStart(String objective, Instant from, Instant to) {
        List<HistogramSample> window = window(objective, from, to);
        if (window.isEmpty()) {
            return window;
        }
        Instant started = jdbi.withHandle(handle -> handle.createQuery("SELECT process_started_at FROM"
                                + " slo_latency_samples WHERE objective = :objective AND at = :at")
                        .bind("objective", objective)
                        .bind("at", window.getFirst().at().atOffset(ZoneOffset.UTC))
                        .mapTo(OffsetDateTime.class)
                        .findOne())
                .map(OffsetDateTime::toInstant)
                .orElse(null);
        if (started == null
                || started.isBefore(from)
                || started.isAfter(window.getFirst().at())) {
            return window;
        }
        List<HistogramSample> withStart = new java.util.ArrayList<>();
        withStart.add(new HistogramSample(started, List.of(), List.of()));
        withStart.addAll(window);
        return withStart;
    }

    /** Deletes samples older than {@code before}; how many. */
    public int deleteBefore(Instant before) {
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM slo_latency_samples WHERE at < :before")
                .bind("before", before.atOffset(ZoneOffset.UTC))
                .execute());
    }

    private static HistogramSample sample(ResultSet rs) throws SQLException {
        return new HistogramSample(
                rs.getObject("at", OffsetDateTime.class).toInstant(),
                doubles(rs.getArray("bounds")),
                doubles(rs.getArray("counts")));
    }

    private static List<Double> doubles(Array array) throws SQLException {
        Object values = array.getArray();
        if (values instanceof Double[] boxed) {
            return Arrays.asList(boxed);
        }
        if (values instanceof double[] primitive) {
            return Arrays.stream(primitive).boxed().toList();
        }
        throw new SQLException(
                "expected a double precision[] column, got " + values.getClass().getName());
    }
}

package dev.uniwizard.mesh.observatory.stats;

import static dev.uniwizard.mesh.observatory.stats.StatsEventStore.utc;

import dev.uniwizard.mesh.core.payload.TurnEvent;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * The SQL behind the stats API and gauges. Everything is computed by PostgreSQL over {@code turn_events} and
 * {@code tool_call_events} (percentiles with {@code percentile_cont}, sent messages by summing the {@code sent} JSON),
 * for several houses at once, in one repeatable-read transaction so the numbers of one answer agree.
 */
@Singleton
public class StatsQueries {

    /** Sender classes always present in {@code received}, 0 included. */
    static final List<String> SENDER_CLASSES =
            List.of(TurnEvent.OPERATOR, TurnEvent.HOUSE, TurnEvent.SCHEDULER, TurnEvent.SERVICE);

    /** Recipient classes always present in {@code sent}, 0 included. */
    static final List<String> RECIPIENT_CLASSES = List.of(TurnEvent.OPERATOR, TurnEvent.HOUSE, TurnEvent.SCHEDULER);

    private static final String IN_PERIOD = " house = ANY (:houses) AND at >= :since AND at <= :until ";

    private final Jdbi jdbi;

    public StatsQueries(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Houses seen in events, sorted. */
    public List<String> seenHouses() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT house FROM stats_houses ORDER BY house")
                .mapTo(String.class)
                .list());
    }

    /** The numbers of each house over the period (a house without events gets zeros). */
    public Map<String, HouseNumbers> numbers(List<String> houses, StatsPeriod period) {
        return readOnly(handle -> {
            Map<String, HouseNumbers> numbers = new LinkedHashMap<>();
            Map<String, TurnFigures> turns = turnFigures(handle, houses, period);
            Map<String, Map<String, Long>> received =
                    counts(handle, houses, period, "received_from", "turn_events", SENDER_CLASSES);
            Map<String, Map<String, Long>> sent = sent(handle, houses, period);
            Map<String, Map<String, Long>> tools =
                    counts(handle, houses, period, "tool", "tool_call_events", List.of());
            Map<String, Map<String, Long>> toolOutcomes =
                    counts(handle, houses, period, "outcome", "tool_call_events", List.of());
            Map<String, Instant> lastTurns = lastTurns(handle, houses);
            for (String house : houses) {
                TurnFigures figures = turns.getOrDefault(house, TurnFigures.NONE);
                numbers.put(
                        house,
                        new HouseNumbers(
                                figures.turns(),
                                figures.toolCallsPerTurn(),
                                figures.p50(),
                                figures.p95(),
                                figures.outcomes(),
                                received.getOrDefault(house, zeros(SENDER_CLASSES)),
                                sent.getOrDefault(house, zeros(RECIPIENT_CLASSES)),
                                tools.getOrDefault(house, Map.of()),
                                toolOutcomes.getOrDefault(house, Map.of()),
                                lastTurns.get(house)));
            }
            return numbers;
        });
    }

    /** Each house's series over the period in buckets of {@code step}. */
    public Map<String, StatsSeries> series(List<String> houses, StatsPeriod period, Duration step) {
        Instant start = StatsSeries.start(period, step);
        int buckets = Math.toIntExact(StatsSeries.buckets(period, step));
        Instant end = start.plus(step.multipliedBy(buckets));
        long width = step.toSeconds();
        return readOnly(handle -> {
            Map<String, long[]> turns = new HashMap<>();
            Map<String, long[]> failed = new HashMap<>();
            Map<String, Double[]> p95 = new HashMap<>();
            Map<String, long[]> toolCalls = new HashMap<>();
            bucketed(handle, """
                            SELECT house, floor(extract(epoch FROM at - :start) / :width)::int AS bucket,
                                   count(*) AS turns,
                                   count(*) FILTER (WHERE outcome = 'failed') AS failed,
                                   percentile_cont(0.95) WITHIN GROUP (ORDER BY duration_ms) AS p95
                              FROM turn_events
                             WHERE house = ANY (:houses) AND at >= :start AND at < :end
                             GROUP BY house, bucket
                            """, houses, start, end, width)
                    .map((rs, ctx) -> {
                        String house = rs.getString("house");
                        int bucket = rs.getInt("bucket");
                        turns.computeIfAbsent(house, h -> new long[buckets])[bucket] = rs.getLong("turns");
                        failed.computeIfAbsent(house, h -> new long[buckets])[bucket] = rs.getLong("failed");
                        p95.computeIfAbsent(house, h -> new Double[buckets])[bucket] = rs.getDouble("p95");
                        return bucket;
                    })
                    .list();
            bucketed(handle, """
                            SELECT house, floor(extract(epoch FROM at - :start) / :width)::int AS bucket,
                                   count(*) AS calls
                              FROM tool_call_events
                             WHERE house = ANY (:houses) AND at >= :start AND at < :end
                             GROUP BY house, bucket
                            """, houses, start, end, width)
                    .map((rs, ctx) -> {
                        toolCalls.computeIfAbsent(rs.getString("house"), h -> new long[buckets])[rs.getInt("bucket")] =
                                rs.getLong("calls");
                        return 0;
                    })
                    .list();
            List<Long> time = new ArrayList<>(buckets);
            for (int i = 0; i < buckets; i++) {
                time.add(start.getEpochSecond() + i * width);
            }
            Map<String, StatsSeries> series = new LinkedHashMap<>();
            for (String house : houses) {
                series.put(
                        house,
                        new StatsSeries(
                                house,
                                start,
                                period.until(),
                                width,
                                time,
                                list(turns.getOrDefault(house, new long[buckets])),
                                list(failed.getOrDefault(house, new long[buckets])),
                                Collections.unmodifiableList(
                                        Arrays.asList(p95.getOrDefault(house, new Double[buckets]))),
                                list(toolCalls.getOrDefault(house, new long[buckets]))));
            }
            return series;
        });
    }

    /** Turns per house that ended at or after {@code from} (for the turns-per-minute gauge). */
    public Map<String, Long> turnsSince(Instant from) {
        return jdbi.withHandle(handle -> {
            Map<String, Long> turns = new HashMap<>();
            handle.createQuery("SELECT house, count(*) AS turns FROM turn_events WHERE at >= :from GROUP BY house")
                    .bindByType("from", utc(from), OffsetDateTime.class)
                    .map((rs, ctx) -> turns.put(rs.getString("house"), rs.getLong("turns")))
                    .list();
            return turns;
        });
    }

    /** The last turn of every house seen in events (absent for a house that never ended a turn). */
    public Map<String, Instant> lastTurns() {
        return jdbi.withHandle(handle -> lastTurns(handle, null));
    }

    private record TurnFigures(
            long turns, Double toolCallsPerTurn, Double p50, Double p95, Map<String, Long> outcomes) {
        static final TurnFigures NONE = new TurnFigures(0, null, null, null, StatsQueries.outcomes(0, 0, 0));
    }

    private static Map<String, TurnFigures> turnFigures(Handle handle, List<String> houses, StatsPeriod period) {
        Map<String, TurnFigures> figures = new HashMap<>();
        inPeriod(handle, """
                        SELECT house,
                               count(*) AS turns,
                               avg(tool_calls)::float8 AS tool_calls_per_turn,
                               percentile_cont(0.5) WITHIN GROUP (ORDER BY duration_ms) AS p50,
                               percentile_cont(0.95) WITHIN GROUP (ORDER BY duration_ms) AS p95,
                               count(*) FILTER (WHERE outcome = 'ok') AS ok,
                               count(*) FILTER (WHERE outcome = 'retried') AS retried,
                               count(*) FILTER (WHERE outcome = 'failed') AS failed
                          FROM turn_events
                         WHERE""" + IN_PERIOD + """
                         GROUP BY house
                        """, houses, period)
                .map((rs, ctx) -> figures.put(
                        rs.getString("house"),
                        new TurnFigures(
                                rs.getLong("turns"),
                                nullableDouble(rs, "tool_calls_per_turn"),
                                nullableDouble(rs, "p50"),
                                nullableDouble(rs, "p95"),
                                outcomes(rs.getLong("ok"), rs.getLong("retried"), rs.getLong("failed")))))
                .list();
        return figures;
    }

    /** Rows per house and value of {@code column}, with {@code always} present (0) in every house's map. */
    private static Map<String, Map<String, Long>> counts(
            Handle handle, List<String> houses, StatsPeriod period, String column, String table, List<String> always) {
        Map<String, Map<String, Long>> counts = new HashMap<>();
        inPeriod(
                        handle,
                        "SELECT house, " + column + " AS name, count(*) AS n FROM " + table + " WHERE" + IN_PERIOD
                                + "GROUP BY house, " + column,
                        houses,
                        period)
                .map((rs, ctx) -> counts.computeIfAbsent(rs.getString("house"), h -> zeros(always))
                        .put(rs.getString("name"), rs.getLong("n")))
                .list();
        return counts;
    }

    /** Messages sent per house and recipient class: the sum of the turns' {@code sent} objects. */
    private static Map<String, Map<String, Long>> sent(Handle handle, List<String> houses, StatsPeriod period) {
        Map<String, Map<String, Long>> sent = new HashMap<>();
        inPeriod(handle, """
                        SELECT t.house, s.key AS name, sum(s.value::bigint) AS n
                          FROM turn_events t
                         CROSS JOIN LATERAL jsonb_each_text(t.sent) AS s
                         WHERE t.house = ANY (:houses) AND t.at >= :since AND t.at <= :until
                         GROUP BY t.house, s.key
                        """, houses, period)
                .map((rs, ctx) -> sent.computeIfAbsent(rs.getString("house"), h -> zeros(RECIPIENT_CLASSES))
                        .put(rs.getString("name"), rs.getLong("n")))
                .list();
        return sent;
    }

    /** Last turns of {@code houses}, or of every house when null. */
    private static Map<String, Instant> lastTurns(Handle handle, List<String> houses) {
        Map<String, Instant> last = new HashMap<>();
        Query query = houses == null
                ? handle.createQuery("SELECT house, last_turn_at FROM stats_houses WHERE last_turn_at IS NOT NULL")
                : handle.createQuery("""
                                SELECT house, last_turn_at FROM stats_houses
                                 WHERE house = ANY (:houses) AND last_turn_at IS NOT NULL
                                """).bindArray("houses", String.class, houses);
        query.map((rs, ctx) -> last.put(
                        rs.getString("house"),
                        rs.getObject("last_turn_at", OffsetDateTime.class).toInstant()))
                .list();
        return last;
    }

    private static Query inPeriod(Handle handle, String sql, List<String> houses, StatsPeriod period) {
        return handle.createQuery(sql)
                .bindArray("houses", String.class, houses)
                .bindByType("since", utc(period.since()), OffsetDateTime.class)
                .bindByType("until", utc(period.until()), OffsetDateTime.class);
    }

    private static Query bucketed(
            Handle handle, String sql, List<String> houses, Instant start, Instant end, long width) {
        return handle.createQuery(sql)
                .bindArray("houses", String.class, houses)
                .bindByType("start", utc(start), OffsetDateTime.class)
                .bindByType("end", utc(end), OffsetDateTime.class)
                .bind("width", (double) width);
    }

    private <T> T readOnly(HandleCallback<T, RuntimeException> work) {
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, work);
    }

    private static Map<String, Long> outcomes(long ok, long retried, long failed) {
        Map<String, Long> outcomes = new LinkedHashMap<>();
        outcomes.put(TurnEvent.OK, ok);
        outcomes.put(TurnEvent.RETRIED, retried);
        outcomes.put(TurnEvent.FAILED, failed);
        return outcomes;
    }

    private static Map<String, Long> zeros(List<String> names) {
        Map<String, Long> zeros = new TreeMap<>();
        names.forEach(name -> zeros.put(name, 0L));
        return zeros;
    }

    private static List<Long> list(long[] values) {
        List<Long> list = new ArrayList<>(values.length);
        for (long value : values) {
            list.add(value);
        }
        return list;
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}

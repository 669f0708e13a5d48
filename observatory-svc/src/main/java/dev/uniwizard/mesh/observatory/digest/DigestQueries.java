package dev.uniwizard.mesh.observatory.digest;

import dev.uniwizard.mesh.core.observatory.CheckState;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** What the digest reads from {@code check_snapshots} and {@code check_transitions}. */
@Singleton
public class DigestQueries {

    private final Jdbi jdbi;

    public DigestQueries(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Snapshots in {@code [from, to)} per state, every state present. */
    public Map<CheckState, Long> snapshotsByState(Instant from, Instant to) {
        Map<CheckState, Long> counts = new EnumMap<>(CheckState.class);
        for (CheckState state : CheckState.values()) {
            counts.put(state, 0L);
        }
        jdbi.useHandle(handle -> handle.createQuery(
                        "SELECT state, count(*) AS n FROM check_snapshots WHERE at >= :from AND at < :to GROUP BY state")
                .bind("from", at(from))
                .bind("to", at(to))
                .map((rs, ctx) -> Map.entry(CheckState.fromWire(rs.getString("state")), rs.getLong("n")))
                .forEach(e -> counts.put(e.getKey(), e.getValue())));
        return counts;
    }

    /** Every check's state at {@code from}, its changes in {@code [from, to)} and its last snapshot there. */
    public Map<String, Incidents.History> histories(Instant from, Instant to) {
        return jdbi.withHandle(handle -> {
            Map<String, CheckState> atStart = new HashMap<>();
            handle.createQuery(
                            "SELECT DISTINCT ON (check_id) check_id, to_state FROM check_transitions WHERE at < :from"
                                    + " ORDER BY check_id, at DESC")
                    .bind("from", at(from))
                    .map((rs, ctx) ->
                            Map.entry(rs.getString("check_id"), CheckState.fromWire(rs.getString("to_state"))))
                    .forEach(e -> atStart.put(e.getKey(), e.getValue()));
            Map<String, List<Incidents.Change>> changes = new HashMap<>();
            handle.createQuery("SELECT check_id, at, to_state FROM check_transitions WHERE at >= :from AND at < :to"
                            + " ORDER BY at, id")
                    .bind("from", at(from))
                    .bind("to", at(to))
                    .map((rs, ctx) -> Map.entry(
                            rs.getString("check_id"),
                            new Incidents.Change(
                                    rs.getObject("at", OffsetDateTime.class).toInstant(),
                                    CheckState.fromWire(rs.getString("to_state")))))
                    .forEach(e -> changes.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                            .add(e.getValue()));
            Map<String, Instant> lastSeen = lastSeen(handle, from, to);
            Map<String, Incidents.History> histories = new TreeMap<>();
            for (String check : union(atStart.keySet(), changes.keySet())) {
                histories.put(
                        check,
                        new Incidents.History(
                                atStart.get(check), changes.getOrDefault(check, List.of()), lastSeen.get(check)));
            }
            return histories;
        });
    }

    private static Map<String, Instant> lastSeen(Handle handle, Instant from, Instant to) {
        Map<String, Instant> lastSeen = new HashMap<>();
        handle.createQuery("SELECT check_id, max(at) AS last FROM check_snapshots WHERE at >= :from AND at < :to GROUP"
                        + " BY check_id")
                .bind("from", at(from))
                .bind("to", at(to))
                .map((rs, ctx) -> Map.entry(
                        rs.getString("check_id"),
                        rs.getObject("last", OffsetDateTime.class).toInstant()))
                .forEach(e -> lastSeen.put(e.getKey(), e.getValue()));
        return lastSeen;
    }

    private static List<String> union(Set<String> a, Set<String> b) {
        TreeSet<String> all = new TreeSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}

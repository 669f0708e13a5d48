package dev.uniwizard.mesh.observatory.snapshots;

import dev.uniwizard.mesh.core.observatory.CheckResult;
import dev.uniwizard.mesh.core.observatory.CheckState;
import dev.uniwizard.mesh.core.observatory.CheckTransition;
import dev.uniwizard.mesh.store.SqlValues;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The check record in PostgreSQL: every evaluation's results ({@code check_snapshots}) and state changes
 * ({@code check_transitions}), and, for the history, the notifications alerting recorded ({@code alert_notifications}).
 */
@Singleton
public class CheckStore {

    private static final String RESULT_COLUMNS = "at, check_id, kind, target, state, value, unit, message";

    private final Jdbi jdbi;

    public CheckStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Stores one evaluation's results and transitions in one transaction. */
    public void record(List<CheckResult> results, List<CheckTransition> transitions) {
        jdbi.useTransaction(handle -> {
            if (!results.isEmpty()) {
                PreparedBatch batch = handle.prepareBatch("INSERT INTO check_snapshots (" + RESULT_COLUMNS
                        + ") VALUES (:at, :id, :kind, :target, :state, :value, :unit, :message)");
                for (CheckResult result : results) {
                    batch.bind("at", SqlValues.at(result.at()))
                            .bind("id", result.id())
                            .bind("kind", result.kind())
                            .bind("target", result.target())
                            .bind("state", result.state().wireName())
                            .bind("value", result.value())
                            .bind("unit", result.unit())
                            .bind("message", result.message())
                            .add();
                }
                batch.execute();
            }
            if (!transitions.isEmpty()) {
                PreparedBatch batch = handle.prepareBatch(
                        "INSERT INTO check_transitions (at, check_id, from_state, to_state, value, message)"
                                + " VALUES (:at, :check, :from, :to, :value, :message)");
                for (CheckTransition transition : transitions) {
                    batch.bind("at", SqlValues.at(transition.at()))
                            .bind("check", transition.check())
                            .bind(
                                    "from",
                                    transition.from() == null
                                            ? null
                                            : transition.from().wireName())
                            .bind("to", transition.to().wireName())
                            .bind("value", transition.value())
                            .bind("message", transition.message())
                            .add();
                }
                batch.execute();
            }
        });
    }

    /**
     * The last stored state of every check: its result in the latest evaluation, or for a check missing there, the
     * state its last transition led to.
     */
    public Map<String, CheckState> lastStates() {
        return jdbi.withHandle(handle -> {
            Map<String, CheckState> states = new HashMap<>();
            handle.createQuery("SELECT DISTINCT ON (check_id) check_id, to_state FROM check_transitions"
                            + " ORDER BY check_id, at DESC, id DESC")
                    .map((rs, ctx) ->
                            Map.entry(rs.getString("check_id"), CheckState.fromWire(rs.getString("to_state"))))
                    .forEach(entry -> states.put(entry.getKey(), entry.getValue()));
            handle.createQuery("SELECT check_id, state FROM check_snapshots"
                            + " WHERE at = (SELECT max(at) FROM check_snapshots)")
                    .map((rs, ctx) -> Map.entry(rs.getString("check_id"), CheckState.fromWire(rs.getString("state"))))
                    .forEach(entry -> states.put(entry.getKey(), entry.getValue()));
            return states;
        });
    }

    /** The results of the latest stored evaluation, sorted by id; empty when nothing was ever stored. */
    public Optional<List<CheckResult>> latest() {
        List<CheckResult> results = jdbi.withHandle(handle -> handle.createQuery("SELECT " + RESULT_COLUMNS
                        + " FROM check_snapshots WHERE at = (SELECT max(at) FROM check_snapshots) ORDER BY check_id")
                .map((rs, ctx) -> result(rs))
                .list());
        return results.isEmpty() ? Optional.empty() : Optional.of(results);
    }

    /** The latest {@code limit} state changes, newest first. */
    public List<CheckTransition> transitions(int limit) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT at, check_id, from_state, to_state, value, message FROM check_transitions"
                                + " ORDER BY at DESC, id DESC LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> new CheckTransition(
                        rs.getString("check_id"),
                        rs.getString("from_state") == null ? null : CheckState.fromWire(rs.getString("from_state")),
                        CheckState.fromWire(rs.getString("to_state")),
                        SqlValues.nullableDouble(rs, "value"),
                        rs.getString("message"),
                        SqlValues.instant(rs, "at")))
                .list());
    }

    private static CheckResult result(ResultSet rs) throws SQLException {
        return new CheckResult(
                rs.getString("check_id"),
                rs.getString("kind"),
                rs.getString("target"),
                CheckState.fromWire(rs.getString("state")),
                SqlValues.nullableDouble(rs, "value"),
                rs.getString("unit"),
                rs.getString("message"),
                SqlValues.instant(rs, "at"));
    }
}

package dev.uniwizard.mesh.scheduler.store;

import dev.uniwizard.mesh.core.jobs.JobRunView;
import dev.uniwizard.mesh.store.SqlValues;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.statement.StatementContext;

/** Reads {@code job_runs} rows joined with their job's name ({@code j}). */
final class RunRows {

    static final String COLUMNS = "r.id, j.name AS job, r.scheduled_for, r.fired_at, r.node, r.outcome, r.duration_ms,"
            + " r.delivery_status, r.task_id::text AS task_id, r.detail";

    private RunRows() {}

    static JobRunView view(ResultSet rs, StatementContext ctx) throws SQLException {
        return new JobRunView(
                rs.getLong("id"),
                rs.getString("job"),
                SqlValues.instant(rs, "scheduled_for"),
                SqlValues.instant(rs, "fired_at"),
                rs.getString("node"),
                rs.getString("outcome"),
                SqlValues.nullableLong(rs, "duration_ms"),
                rs.getString("delivery_status"),
                rs.getString("task_id"),
                rs.getString("detail"));
    }
}

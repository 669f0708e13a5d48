package dev.uniwizard.mesh.scheduler.store;

import dev.uniwizard.mesh.store.SqlValues;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.jdbi.v3.core.statement.StatementContext;

/** Reads {@code jobs} rows. */
final class JobRows {

    static final String COLUMNS =
            "id, name, spec::text AS spec, enabled, next_fire_at, task_namespace, created_at, updated_at";

    /** For {@link LockedJob}: the columns of {@code jobs j} and whether a run of the job is unfinished. */
    static final String LOCKED_COLUMNS = "j.id, j.name, j.spec::text AS spec, j.enabled, j.next_fire_at,"
            + " j.task_namespace, j.created_at, EXISTS (SELECT 1 FROM job_runs r WHERE r.job_id = j.id AND r.outcome"
            + " IN ('running', 'house_down')) AS busy";

    private JobRows() {}

    static StoredJob stored(ResultSet rs, StatementContext ctx) throws SQLException {
        boolean enabled = rs.getBoolean("enabled");
        return new StoredJob(
                rs.getLong("id"),
                Sql.spec(rs.getString("spec"), enabled),
                enabled,
                SqlValues.instant(rs, "next_fire_at"),
                SqlValues.instant(rs, "created_at"),
                SqlValues.instant(rs, "updated_at"));
    }

    static LockedJob locked(ResultSet rs, StatementContext ctx) throws SQLException {
        boolean enabled = rs.getBoolean("enabled");
        return new LockedJob(
                rs.getLong("id"),
                Sql.spec(rs.getString("spec"), enabled),
                enabled,
                SqlValues.instant(rs, "next_fire_at"),
                rs.getObject("task_namespace", UUID.class),
                SqlValues.instant(rs, "created_at"),
                rs.getBoolean("busy"));
    }
}

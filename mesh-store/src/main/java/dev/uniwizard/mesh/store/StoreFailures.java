package dev.uniwizard.mesh.store;

import java.sql.SQLException;
import org.jdbi.v3.core.JdbiException;

/** Telling a database failure (worth a "try again" answer) from a bug. */
public final class StoreFailures {

    private StoreFailures() {}

    /** True when {@code e} or one of its causes comes from Jdbi or JDBC. */
    public static boolean isDatabaseFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JdbiException || t instanceof SQLException) {
                return true;
            }
        }
        return false;
    }
}

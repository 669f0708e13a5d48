package dev.uniwizard.mesh.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/** A PostgreSQL database of a test's own on the local server, dropped again at the end. */
public record TestDatabase(String name) {

    public static TestDatabase create() {
        String name = "t_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        admin("CREATE DATABASE " + name);
        return new TestDatabase(name);
    }

    public String jdbcUrl() {
        return LocalServers.pgBaseUrl() + name;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), LocalServers.pgUser(), LocalServers.pgPassword());
    }

    public void drop() {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void admin(String sql) {
        try (Connection connection = DriverManager.getConnection(
                        LocalServers.adminJdbcUrl(), LocalServers.pgUser(), LocalServers.pgPassword());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL at " + LocalServers.adminJdbcUrl() + " refused '" + sql + "': " + e.getMessage()
                            + " (is it running? see DEVELOPERS.md / .ci/run)",
                    e);
        }
    }
}

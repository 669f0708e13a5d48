package dev.uniwizard.mesh.scheduler.testing;

import dev.uniwizard.mesh.testkit.LocalServers;
import dev.uniwizard.mesh.testkit.TestDatabase;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;

/**
 * A test database of its own with the scheduler's schema migrated as the service does it (schema {@code scheduler}), and
 * connection pools on it named after the node that uses them ({@code application_name}), so a test can cut one node's
 * connections the way PostgreSQL does when a node dies.
 */
public final class SchedulerDatabase implements AutoCloseable {

    public static final String SCHEMA = "scheduler";

    private final TestDatabase database;
    private final Jdbi admin;
    private final AgroalDataSource adminPool;

    private SchedulerDatabase(TestDatabase database) {
        this.database = database;
        this.adminPool = pool("scheduler-test-admin", 4);
        this.admin = Jdbi.create(adminPool).installPlugin(new PostgresPlugin());
    }

    public static SchedulerDatabase create() {
        TestDatabase database = TestDatabase.create();
        try {
            SchedulerDatabase created = new SchedulerDatabase(database);
            Flyway.configure()
                    .dataSource(database.jdbcUrl(), LocalServers.pgUser(), LocalServers.pgPassword())
                    .schemas(SCHEMA)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            return created;
        } catch (RuntimeException e) {
            database.drop();
            throw e;
        }
    }

    /** A pool whose connections say {@code application_name = node}. */
    public AgroalDataSource pool(String node, int size) {
        try {
            return AgroalDataSource.from(
                    new AgroalDataSourceConfigurationSupplier().connectionPoolConfiguration(pool -> pool.maxSize(size)
                            .acquisitionTimeout(Duration.ofSeconds(10))
                            .connectionFactoryConfiguration(factory -> factory.jdbcUrl(database.jdbcUrl())
                                    .jdbcProperty("currentSchema", SCHEMA)
                                    .jdbcProperty("ApplicationName", node)
                                    .jdbcProperty("socketTimeout", "30")
                                    .principal(new NamePrincipal(LocalServers.pgUser()))
                                    .credential(new SimplePassword(LocalServers.pgPassword())))));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open a pool on " + database.jdbcUrl() + ": " + e.getMessage(), e);
        }
    }

    /** For the test's own queries. */
    public Jdbi jdbi() {
        return admin;
    }

    /** Ends every session of {@code node} the way PostgreSQL does when the node's connection drops. */
    public int terminateSessionsOf(String node) {
        try (Connection connection = database.connect();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = ?")) {
            statement.setString(1, node);
            var rs = statement.executeQuery();
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot end the sessions of " + node + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        adminPool.close();
        database.drop();
    }
}

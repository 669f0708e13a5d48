package dev.uniwizard.mesh.observatory.snapshots;

import dev.uniwizard.mesh.testkit.LocalServers;
import dev.uniwizard.mesh.testkit.TestDatabase;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;

/**
 * A test database of its own with the observatory's schema migrated as the service does it (schema
 * {@code observatory}), for tests of the stores without a running service. Dropped by {@link #close()}.
 */
public final class ObservatoryDatabase implements AutoCloseable {

    public static final String SCHEMA = "observatory";

    private final TestDatabase database;
    private final Jdbi jdbi;

    private ObservatoryDatabase(TestDatabase database) {
        this.database = database;
        this.jdbi = Jdbi.create(
                        database.jdbcUrl() + "?currentSchema=" + SCHEMA,
                        LocalServers.pgUser(),
                        LocalServers.pgPassword())
                .installPlugin(new PostgresPlugin());
    }

    public static ObservatoryDatabase create() {
        TestDatabase database = TestDatabase.create();
        try {
            Flyway.configure()
                    .dataSource(database.jdbcUrl(), LocalServers.pgUser(), LocalServers.pgPassword())
                    .schemas(SCHEMA)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            return new ObservatoryDatabase(database);
        } catch (RuntimeException e) {
            database.drop();
            throw e;
        }
    }

    /** Jdbi on the database, one connection per handle (no pool). */
    public Jdbi jdbi() {
        return jdbi;
    }

    @Override
    public void close() {
        database.drop();
    }
}

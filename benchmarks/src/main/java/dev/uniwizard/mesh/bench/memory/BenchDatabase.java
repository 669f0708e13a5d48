package dev.uniwizard.mesh.bench.memory;

import dev.uniwizard.mesh.testkit.LocalServers;
import dev.uniwizard.mesh.testkit.TestDatabase;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import java.sql.SQLException;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;

/**
 * A database of the benchmark's own on the local PostgreSQL, migrated with memory-svc's Flyway migrations, behind a
 * connection pool as in the service; dropped on close.
 */
final class BenchDatabase implements AutoCloseable {

    private final TestDatabase database;
    private final AgroalDataSource dataSource;
    private final Jdbi jdbi;

    private BenchDatabase(TestDatabase database, AgroalDataSource dataSource) {
        this.database = database;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new PostgresPlugin());
    }

    static BenchDatabase create(int poolSize) {
        TestDatabase database = TestDatabase.create();
        try {
            AgroalDataSource dataSource = AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                    .connectionPoolConfiguration(pool -> pool.maxSize(poolSize)
                            .acquisitionTimeout(Duration.ofSeconds(30))
                            .connectionFactoryConfiguration(factory -> factory.jdbcUrl(database.jdbcUrl())
                                    .principal(new NamePrincipal(LocalServers.pgUser()))
                                    .credential(new SimplePassword(LocalServers.pgPassword())))));
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            return new BenchDatabase(database, dataSource);
        } catch (SQLException | RuntimeException e) {
            database.drop();
            throw new IllegalStateException("could not prepare the benchmark database: " + e.getMessage(), e);
        }
    }

    Jdbi jdbi() {
        return jdbi;
    }

    String name() {
        return database.name();
    }

    @Override
    public void close() {
        dataSource.close();
        database.drop();
    }
}

package dev.uniwizard.mesh.observatory.houses;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The houses' last known states in {@code house_states}, kept across restarts. */
@Singleton
public class HouseStateStore {

    private final Jdbi jdbi;

    public HouseStateStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<HouseStateRow> find(String house) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT house, login, version, up_to_date, updated_at FROM house_states WHERE house = :house")
                .bind("house", house)
                .map((rs, ctx) -> new HouseStateRow(
                        rs.getString("house"),
                        rs.getString("login"),
                        rs.getString("version"),
                        rs.getBoolean("up_to_date"),
                        rs.getObject("updated_at", OffsetDateTime.class).toInstant()))
                .findOne());
    }

    public void save(HouseStateRow row) {
        jdbi.useHandle(
                handle -> handle.createUpdate("INSERT INTO house_states (house, login, version, up_to_date, updated_at)"
                                + " VALUES (:house, :login, :version, :upToDate, :at) ON CONFLICT (house) DO UPDATE SET"
                                + " login = EXCLUDED.login, version = EXCLUDED.version,"
                                + " up_to_date = EXCLUDED.up_to_date, updated_at = EXCLUDED.updated_at")
                        .bind("house", row.house())
                        .bind("login", row.login())
                        .bind("version", row.version())
                        .bind("upToDate", row.upToDate())
                        .bind("at", at(row.updatedAt()))
                        .execute());
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}

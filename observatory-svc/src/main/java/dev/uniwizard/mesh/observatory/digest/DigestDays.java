package dev.uniwizard.mesh.observatory.digest;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import jakarta.inject.Singleton;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** {@code digest_days}: one row per day whose digest went out, claimed before sending. */
@Singleton
public class DigestDays {

    private final Jdbi jdbi;

    public DigestDays(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Claims {@code day} for {@code node}; false when it was claimed before (by any node). */
    public boolean claim(LocalDate day, Instant due, Instant now, String node) {
        return jdbi.withHandle(handle -> handle.createUpdate("INSERT INTO digest_days (day, due_at, sent_at, node)"
                                + " VALUES (:day, :due, :now, :node) ON CONFLICT (day) DO NOTHING")
                        .bind("day", day)
                        .bind("due", due.atOffset(ZoneOffset.UTC))
                        .bind("now", now.atOffset(ZoneOffset.UTC))
                        .bind("node", node)
                        .execute())
                == 1;
    }

    /** Records what became of the day's digest. */
    public void delivered(LocalDate day, List<DigestSender.Outcome> outcomes) {
        String json;
        try {
            json = EnvelopeCodec.mapper().writeValueAsString(outcomes);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("digest outcomes cannot be written as JSON", e);
        }
        jdbi.useHandle(handle -> handle.createUpdate(
                        "UPDATE digest_days SET deliveries = CAST(:json AS jsonb) WHERE day = :day")
                .bind("json", json)
                .bind("day", day)
                .execute());
    }

    /** How many days were claimed (for tests and operators). */
    public int count() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT count(*) FROM digest_days")
                .mapTo(Integer.class)
                .one());
    }
}

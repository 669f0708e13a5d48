package dev.uniwizard.mesh.scheduler.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.jobs.JobSpec;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Conversions between Java values and the columns of the scheduler's tables. */
final class Sql {

    private Sql() {}

    /** timestamptz parameters are bound as UTC offsets, which the driver maps without guessing a zone. */
    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static String json(JobSpec spec) {
        try {
            return EnvelopeCodec.mapper().writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("job " + spec.name() + " cannot be written as JSON", e);
        }
    }

    static JobSpec spec(String json, boolean enabled) {
        try {
            JobSpec stored = EnvelopeCodec.mapper().readValue(json, JobSpec.class);
            return new JobSpec(
                    stored.name(),
                    stored.schedule(),
                    stored.target(),
                    stored.delivery(),
                    enabled,
                    stored.misfirePolicy(),
                    stored.maxRunSeconds(),
                    stored.overlapPolicy());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a stored job spec is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}

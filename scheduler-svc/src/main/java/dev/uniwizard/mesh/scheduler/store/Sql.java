package dev.uniwizard.mesh.scheduler.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.jobs.JobSpec;
import java.io.UncheckedIOException;

/** The job spec column (jsonb) of the scheduler's tables; times and numbers go through {@code SqlValues}. */
final class Sql {

    private Sql() {}

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

package dev.uniwizard.mesh.scheduler.testing;

import dev.uniwizard.mesh.core.jobs.JobDelivery;
import dev.uniwizard.mesh.core.jobs.JobSchedule;
import dev.uniwizard.mesh.core.jobs.JobSpec;
import dev.uniwizard.mesh.core.jobs.JobTarget;
import dev.uniwizard.mesh.scheduler.validation.JobRules;
import dev.uniwizard.mesh.scheduler.validation.JobSpecException;
import java.util.Map;
import java.util.Set;

/** Job specs for tests, normalized by the real {@link JobRules}. */
public final class TestJobs {

    public static final Set<String> HOUSES = Set.of("timmy", "ezra", "bezalel");

    private TestJobs() {}

    /** A prompt to ezra every {@code seconds}, answer recorded only. */
    public static JobSpec every(String name, long seconds, String overlap, String misfire) {
        return normalize(new JobSpec(
                name,
                new JobSchedule(null, null, seconds, null),
                new JobTarget("ezra", "report " + name, null, null),
                null,
                null,
                misfire,
                null,
                overlap));
    }

    /** A job with everything spelled out. */
    public static JobSpec spec(
            String name, JobSchedule schedule, JobTarget target, JobDelivery delivery, String overlap, Long maxRun) {
        return normalize(new JobSpec(name, schedule, target, delivery, null, null, maxRun, overlap));
    }

    /** An event job on {@code subject} with the given match. */
    public static JobSpec onEvent(String name, String subject, Map<String, String> match) {
        return normalize(new JobSpec(
                name,
                new JobSchedule(null, null, null, new JobSchedule.EventTrigger(subject, match)),
                new JobTarget("ezra", null, "echo", Map.of("text", "event for " + name)),
                null,
                null,
                null,
                null,
                JobSpec.OVERLAP_ALLOW));
    }

    public static JobSpec normalize(JobSpec spec) {
        try {
            return JobRules.normalize(spec, HOUSES);
        } catch (JobSpecException e) {
            throw new IllegalArgumentException("test job is invalid: " + e.withField(), e);
        }
    }
}

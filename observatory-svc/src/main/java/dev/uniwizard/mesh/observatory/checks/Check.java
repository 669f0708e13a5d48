package dev.uniwizard.mesh.observatory.checks;

import dev.uniwizard.mesh.core.observatory.CheckResult;
import dev.uniwizard.mesh.core.observatory.CheckState;
import java.time.Instant;
import java.util.List;

/**
 * A collector of check results: one thing the observatory looks at (the heartbeats, the NATS server, one probe, one
 * house's inbox), which yields one or more {@link CheckResult}s per evaluation. When it throws or takes too long, the
 * {@link CheckRunner} reports the {@code error} result {@link #failed} names instead, so a broken collector is never
 * silent.
 */
public interface Check {

    /** Kind of the result reported when the collector itself fails, e.g. {@code nats} or {@code collector}. */
    String kind();

    /** Target of that result, e.g. {@code server} or {@code heartbeats}. */
    String target();

    /**
     * Looks and judges.
     *
     * @param at the evaluation's time, to stamp every result with
     */
    List<CheckResult> run(Instant at) throws Exception;

    /** The result reported when {@link #run} failed or timed out. */
    default CheckResult failed(String message, Instant at) {
        return CheckResult.of(kind(), target(), CheckState.ERROR, null, null, message, at);
    }
}

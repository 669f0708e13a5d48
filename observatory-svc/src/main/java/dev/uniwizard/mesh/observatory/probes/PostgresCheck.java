package dev.uniwizard.mesh.observatory.probes;

import dev.uniwizard.mesh.core.observatory.CheckKinds;
import dev.uniwizard.mesh.core.observatory.CheckResult;
import dev.uniwizard.mesh.core.observatory.CheckState;
import dev.uniwizard.mesh.observatory.checks.Check;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** {@code postgres:mesh}: the mesh database answers {@code SELECT 1} (value: the round trip in ms), else critical. */
public final class PostgresCheck implements Check {

    private final Jdbi jdbi;

    public PostgresCheck(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public String kind() {
        return CheckKinds.POSTGRES;
    }

    @Override
    public String target() {
        return "mesh";
    }

    @Override
    public List<CheckResult> run(Instant at) {
        long start = System.nanoTime();
        try {
            jdbi.withHandle(handle ->
                    handle.createQuery("SELECT 1").mapTo(Integer.class).one());
        } catch (RuntimeException e) {
            return List.of(CheckResult.of(
                    kind(),
                    target(),
                    CheckState.CRITICAL,
                    null,
                    null,
                    "PostgreSQL did not answer SELECT 1: " + Describe.failure(e),
                    at));
        }
        double millis = (System.nanoTime() - start) / 1_000_000.0;
        return List.of(CheckResult.of(
                kind(),
                target(),
                CheckState.OK,
                millis,
                "ms",
                "PostgreSQL answered SELECT 1 in " + Describe.millis(millis),
                at));
    }
}

package dev.uniwizard.mesh.bench.memory;

import dev.uniwizard.mesh.core.memory.ChainReport;
import dev.uniwizard.mesh.memory.chain.ChainVerifier;
import dev.uniwizard.mesh.memory.chain.ChainWriter;
import dev.uniwizard.mesh.memory.config.MemoryConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Walks the whole chain once, as {@code GET /api/v1/memory/verify} does. */
final class VerifyPhase {

    private final Jdbi jdbi;

    VerifyPhase(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Latencies walk() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(MemoryConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .addDefaultSources()
                .build();
        ChainVerifier verifier = new ChainVerifier(
                jdbi,
                new ChainWriter(),
                nodeId -> Optional.empty(),
                Clock.systemUTC(),
                config.getConfigMapping(MemoryConfig.class));
        Latencies latencies = new Latencies("verify (walk the whole chain)");
        long start = System.nanoTime();
        ChainReport report = verifier.verify();
        latencies.record(System.nanoTime() - start);
        latencies.wall(System.nanoTime() - start);
        if (!report.intact()) {
            throw new IllegalStateException("the benchmark's chain does not verify: " + report.firstBreak());
        }
        return latencies;
    }
}

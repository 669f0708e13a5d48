package dev.uniwizard.mesh.house.config;

import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** {@code house.proof.*}: the command run_tests runs to prove the workspace works (e.g. {@code make test}). */
public interface ProofConfig {

    /** Run with {@code sh -c} in the workspace root; run_tests says it is not configured without it. */
    Optional<String> command();

    @WithDefault("10m")
    Duration timeout();

    /** How many last lines of the command's output the result shows. */
    @WithDefault("40")
    int outputTailLines();
}

package dev.uniwizard.mesh.house.config;

import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * {@code house.permissions.*}: rules like {@code git_*}, {@code file_write(*.md)}, {@code file_write(docs/**)} or
 * {@code run_tests} (see {@link dev.uniwizard.mesh.house.policy.PermissionRule}). Deny wins over ask, ask over allow;
 * a call no rule matches is denied.
 */
public interface PermissionsConfig {

    @WithDefault("*")
    List<String> allow();

    /** Calls that need an approval before they run, in any mode. */
    Optional<List<String>> ask();

    Optional<List<String>> deny();
}

package dev.uniwizard.mesh.house.config;

import java.util.List;
import java.util.Optional;

/** {@code house.tools.*}. */
public interface ToolsConfig {

    /** The tools this house has, by name; every tool of the runtime when unset. An unknown name fails start-up. */
    Optional<List<String>> enabled();
}

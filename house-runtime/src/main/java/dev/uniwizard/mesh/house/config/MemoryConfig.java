package dev.uniwizard.mesh.house.config;

import io.smallrye.config.WithDefault;

/**
 * {@code house.memory.*}: the project memory a house works with. Its model turns start with the project's memory
 * markers in the system prompt, and its {@code remember} tool promotes knowledge into that project.
 */
public interface MemoryConfig {

    /** The most marker lines memory answers for one request. */
    int MAX_MARKERS = 100;

    /** The project the house works for, e.g. {@code mesh} or {@code org/repo}. */
    @WithDefault("mesh")
    String project();

    /** How many memory marker lines go into the prompt of a model turn; 0 for none. */
    @WithDefault("12")
    int markers();
}

package dev.uniwizard.mesh.house.config;

import io.smallrye.config.WithDefault;
import java.util.regex.Pattern;

/**
 * {@code house.memory.*}: the project memory a house works with. Its model turns start with the project's memory
 * markers in the system prompt, and its {@code remember} tool promotes knowledge into that project.
 */
public interface MemoryConfig {

    /** A project key as memory accepts it: 1-200 letters, digits, '.', '_', '/' or '-', starting alphanumeric. */
    Pattern PROJECT_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,199}");

    /** The most marker lines memory answers for one request. */
    int MAX_MARKERS = 100;

    /** The project the house works for, e.g. {@code mesh} or {@code org/repo}. */
    @WithDefault("mesh")
    String project();

    /** How many memory marker lines go into the prompt of a model turn; 0 for none. */
    @WithDefault("12")
    int markers();
}

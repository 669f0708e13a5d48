package dev.uniwizard.mesh.core.observatory;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A check changed state. The first result of a check ever seen is recorded with {@code from} null.
 *
 * @param check the check id
 * @param from the previous state, or null for the first result
 * @param to the new state
 * @param value the value that caused it
 * @param message the new result's message
 * @param at when it was seen
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckTransition(String check, CheckState from, CheckState to, Double value, String message, Instant at) {}

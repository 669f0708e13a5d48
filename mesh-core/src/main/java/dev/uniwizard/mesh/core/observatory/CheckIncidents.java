package dev.uniwizard.mesh.core.observatory;

/**
 * A check's problems over a digest's period.
 *
 * @param check the check id
 * @param incidents how many times it became critical or error
 * @param problemSeconds how long it was critical or error
 * @param worst its worst state in the period
 */
public record CheckIncidents(String check, long incidents, long problemSeconds, CheckState worst) {}

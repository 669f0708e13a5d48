package dev.uniwizard.mesh.gateway.operators;

/**
 * A person the mesh answers, as configured under {@code gateway.operators.<name>}.
 *
 * @param name the operator's name (the configuration key)
 * @param house their own house: where their messages go when they address none
 */
public record Operator(String name, String house) {}

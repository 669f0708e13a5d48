package dev.uniwizard.mesh.core.payload;

/** Payload of a {@code message} envelope: what an operator said. */
public record MessagePayload(String text) {}

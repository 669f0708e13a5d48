package dev.uniwizard.mesh.core.payload;

/** Payload of a reply that reports a failed request: a stable code and a message for people. */
public record ErrorPayload(String error, String message) {}

package dev.uniwizard.mesh.observatory.api;

/** The body of every error answer: a stable code and what was wrong. */
public record ApiError(String error, String message) {}

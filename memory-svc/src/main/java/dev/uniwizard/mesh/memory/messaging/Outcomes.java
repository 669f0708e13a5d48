package dev.uniwizard.mesh.memory.messaging;

/** Outcome tags of {@code mesh.memory.requests}, and the error codes they share with {@code ErrorPayload}. */
final class Outcomes {

    static final String OK = "ok";
    static final String DUPLICATE = "duplicate";
    static final String REJECTED = "rejected";
    static final String STORE_UNAVAILABLE = "store_unavailable";
    static final String INTERNAL_ERROR = "internal_error";

    private Outcomes() {}
}

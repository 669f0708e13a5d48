package dev.uniwizard.mesh.memory.messaging;

import dev.uniwizard.mesh.service.messaging.SignedReplies;
import dev.uniwizard.mesh.service.messaging.VerifiedRequestHandler;

/** Outcome tags of {@code mesh.memory.requests}, and the error codes they share with {@code ErrorPayload}. */
final class Outcomes {

    static final String OK = "ok";
    static final String DUPLICATE = "duplicate";
    static final String REJECTED = SignedReplies.REJECTED;
    static final String STORE_UNAVAILABLE = VerifiedRequestHandler.STORE_UNAVAILABLE;
    static final String INTERNAL_ERROR = VerifiedRequestHandler.INTERNAL_ERROR;

    private Outcomes() {}
}

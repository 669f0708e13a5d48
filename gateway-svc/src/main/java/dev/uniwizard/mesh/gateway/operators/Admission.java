package dev.uniwizard.mesh.gateway.operators;

/** Whether a platform user's message goes into the mesh. */
public sealed interface Admission {

    /** A known operator within their rate limit. */
    record Admitted(Operator operator) implements Admission {}

    /**
     * Not let in. {@code reason} is a stable label ({@code unknown_sender}, {@code rate_limited}); {@code text} is the
     * polite answer to show the sender on their platform.
     */
    record Refused(String reason, String text) implements Admission {}
}

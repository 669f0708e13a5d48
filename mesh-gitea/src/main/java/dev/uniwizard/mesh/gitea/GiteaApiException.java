package dev.uniwizard.mesh.gitea;

/**
 * A Gitea call that failed; the message says what was called and what Gitea answered (its {@code message}). Callers
 * decide from {@link #isTransient()} whether to try again later (server errors, rate limits, connections that fail) or
 * to give up (refused token, not found, rejected request).
 */
public class GiteaApiException extends Exception {

    private final int status;
    private final boolean transientFailure;

    /** A failure that is not about HTTP at all (a bad repository name): status 0, not transient. */
    public GiteaApiException(String message) {
        this(message, 0, false, null);
    }

    public GiteaApiException(String message, int status, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.transientFailure = transientFailure;
    }

    /** The HTTP status Gitea answered, or 0 when there was no answer (I/O failure, bad input). */
    public int status() {
        return status;
    }

    /** Whether the same call may succeed later: HTTP 5xx, 429, or a connection that failed or timed out. */
    public boolean isTransient() {
        return transientFailure;
    }
}

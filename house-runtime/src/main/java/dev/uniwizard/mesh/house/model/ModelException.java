package dev.uniwizard.mesh.house.model;

/** The model could not give an answer; {@link #kind()} says why, the message says what to check. */
public class ModelException extends Exception {

    public enum Kind {
        /** No base URL or model name is configured. */
        NOT_CONFIGURED,
        /** Connection refused, unknown host, reset. */
        UNREACHABLE,
        /** No answer within the configured timeout. */
        TIMEOUT,
        /** HTTP 429 after every attempt. */
        RATE_LIMITED,
        /** HTTP 5xx after every attempt. */
        SERVER_ERROR,
        /** HTTP 4xx other than 429: the request was refused (bad key, unknown model, bad tool schema). */
        REJECTED,
        /** A 200 whose body is not a chat completion. */
        BAD_RESPONSE
    }

    private final Kind kind;

    public ModelException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public ModelException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether trying again later may succeed (the task should be kept, not answered as failed for good). */
    public boolean isTransient() {
        return switch (kind) {
            case UNREACHABLE, TIMEOUT, RATE_LIMITED, SERVER_ERROR -> true;
            case NOT_CONFIGURED, REJECTED, BAD_RESPONSE -> false;
        };
    }
}

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
    private final int httpStatus;

    public ModelException(Kind kind, String message) {
        this(kind, message, 0);
    }

    public ModelException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.httpStatus = 0;
    }

    /** A failure the endpoint answered with HTTP {@code httpStatus}. */
    public ModelException(Kind kind, String message, int httpStatus) {
        super(message);
        this.kind = kind;
        this.httpStatus = httpStatus;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status the endpoint refused the request with, or 0 when it did not answer with one. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Whether the endpoint refused the house's credentials (HTTP 401 or 403): the house needs a (new) API key. */
    public boolean credentialsRefused() {
        return kind == Kind.REJECTED && (httpStatus == 401 || httpStatus == 403);
    }

    /** Whether trying again later may succeed (the task should be kept, not answered as failed for good). */
    public boolean isTransient() {
        return switch (kind) {
            case UNREACHABLE, TIMEOUT, RATE_LIMITED, SERVER_ERROR -> true;
            case NOT_CONFIGURED, REJECTED, BAD_RESPONSE -> false;
        };
    }
}

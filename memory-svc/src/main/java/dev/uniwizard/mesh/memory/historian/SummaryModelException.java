package dev.uniwizard.mesh.memory.historian;

/** A summary model gave no usable summary; the message says why (HTTP status, timeout, empty or malformed answer). */
public class SummaryModelException extends Exception {

    public SummaryModelException(String message) {
        super(message);
    }

    public SummaryModelException(String message, Throwable cause) {
        super(message, cause);
    }
}

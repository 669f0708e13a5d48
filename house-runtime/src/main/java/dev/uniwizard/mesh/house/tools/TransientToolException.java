package dev.uniwizard.mesh.house.tools;

/**
 * Thrown by a tool for a failure that may pass if the call is simply made again (a refused connection, a 502, a lock
 * held by someone else). Only these are retried; every other failure is reported at once.
 */
public class TransientToolException extends RuntimeException {

    public TransientToolException(String message) {
        super(message);
    }

    public TransientToolException(String message, Throwable cause) {
        super(message, cause);
    }
}

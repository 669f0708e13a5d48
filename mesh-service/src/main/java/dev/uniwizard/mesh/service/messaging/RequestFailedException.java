package dev.uniwizard.mesh.service.messaging;

/** A request-reply exchange that got no usable answer: timeout, no responder, or a refused reply. */
public class RequestFailedException extends Exception {

    public RequestFailedException(String message) {
        super(message);
    }

    public RequestFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}

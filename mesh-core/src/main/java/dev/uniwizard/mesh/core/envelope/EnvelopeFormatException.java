package dev.uniwizard.mesh.core.envelope;

/** Bytes that are not a well-formed envelope; the message says what is wrong. */
public class EnvelopeFormatException extends Exception {

    public EnvelopeFormatException(String message) {
        super(message);
    }

    public EnvelopeFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.uniwizard.mesh.service.messaging;

/** A durable publish that the stream did not confirm; the caller must not treat the work as done. */
public class PublishFailedException extends RuntimeException {

    public PublishFailedException(String subject, String envelopeId, Throwable cause) {
        super("publishing envelope " + envelopeId + " to " + subject + " failed: " + cause.getMessage(), cause);
    }
}

package dev.uniwizard.mesh.house.tools.net;

/** A URL an outbound HTTP tool must not fetch; the message says why, and nothing was sent. */
public class HostNotAllowedException extends Exception {

    public HostNotAllowedException(String message) {
        super(message);
    }
}

package dev.uniwizard.mesh.house.tools.net;

/** A Gitea call that failed for good (not configured, token refused, not found, rejected); the message says which. */
public class GiteaException extends Exception {

    public GiteaException(String message) {
        super(message);
    }
}

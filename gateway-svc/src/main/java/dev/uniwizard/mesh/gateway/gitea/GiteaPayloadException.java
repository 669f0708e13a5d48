package dev.uniwizard.mesh.gateway.gitea;

/** A Gitea webhook body the gateway cannot read (not JSON, or missing what its event must have); says what. */
public class GiteaPayloadException extends Exception {

    public GiteaPayloadException(String message) {
        super(message);
    }
}

package dev.uniwizard.mesh.gateway.exchange;

/**
 * The message could not be handed to the mesh (too many requests waiting here, or NATS refused it); nothing was sent.
 * {@code error} is a stable code: {@code gateway_busy} or {@code mesh_unavailable}.
 */
public class ExchangeUnavailable extends RuntimeException {

    private final String error;

    public ExchangeUnavailable(String error, String message) {
        super(message);
        this.error = error;
    }

    public String error() {
        return error;
    }
}

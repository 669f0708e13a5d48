package dev.uniwizard.mesh.gateway.outbound;

/**
 * A reply that no retry can deliver (no address, the chat is gone, the bot was removed, the platform rejected the
 * request as malformed). It is dead-lettered at once with this message as the reason.
 */
public class Undeliverable extends Exception {

    public Undeliverable(String message) {
        super(message);
    }
}

package dev.uniwizard.mesh.observatory.notify;

/**
 * What became of one message on one channel.
 *
 * @param delivered whether the channel accepted it (a 2xx answer; a chat reply stored in JetStream)
 * @param error why not, or null
 */
public record Delivery(boolean delivered, String error) {

    public static Delivery ok() {
        return new Delivery(true, null);
    }

    public static Delivery failed(String error) {
        return new Delivery(false, error);
    }
}

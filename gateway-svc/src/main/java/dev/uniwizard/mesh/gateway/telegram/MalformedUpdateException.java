package dev.uniwizard.mesh.gateway.telegram;

/** An update that is not what the Bot API documents (not JSON, no update_id, a message without chat id...). */
public class MalformedUpdateException extends Exception {

    public MalformedUpdateException(String message) {
        super(message);
    }
}

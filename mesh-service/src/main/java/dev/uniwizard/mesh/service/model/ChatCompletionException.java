package dev.uniwizard.mesh.service.model;

/**
 * A chat-completions endpoint gave no usable answer. The message says what went wrong (bad URL, unreachable, timeout,
 * HTTP status with the endpoint's error message, empty or malformed answer) so callers can log it as is.
 */
public class ChatCompletionException extends Exception {

    public ChatCompletionException(String message) {
        super(message);
    }

    public ChatCompletionException(String message, Throwable cause) {
        super(message, cause);
    }
}

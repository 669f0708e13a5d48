package dev.uniwizard.mesh.gateway.telegram;

import java.time.Duration;
import java.util.Optional;

/**
 * The Bot API answered {@code "ok": false} (or not JSON at all).
 *
 * @see <a href="https://core.telegram.org/bots/api#making-requests">Making requests</a>
 */
public class TelegramApiException extends Exception {

    private final String method;
    private final int errorCode;
    private final String description;
    private final Duration retryAfter;

    public TelegramApiException(String method, int errorCode, String description, Duration retryAfter) {
        super(method + " failed: " + errorCode + " " + description
                + (retryAfter == null ? "" : " (retry after " + retryAfter.toSeconds() + " s)"));
        this.method = method;
        this.errorCode = errorCode;
        this.description = description;
        this.retryAfter = retryAfter;
    }

    public String method() {
        return method;
    }

    /** {@code error_code}, or the HTTP status when the body had none. */
    public int errorCode() {
        return errorCode;
    }

    public String description() {
        return description;
    }

    /** {@code parameters.retry_after} of a 429. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public boolean isRateLimit() {
        return errorCode == 429;
    }

    /** 409: another getUpdates consumer (a second replica) or an active webhook. */
    public boolean isConflict() {
        return errorCode == 409;
    }

    /** A server-side failure worth retrying as it is. */
    public boolean isServerError() {
        return errorCode >= 500;
    }
}

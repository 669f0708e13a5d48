package dev.uniwizard.mesh.house.tools.net;

import dev.uniwizard.mesh.house.tools.TransientToolException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Optional;
import javax.net.ssl.SSLException;

/** Sorts what goes wrong on an outbound HTTP call into worth retrying or not, with a message that says what happened. */
final class HttpErrors {

    private HttpErrors() {}

    /** HTTP statuses that usually pass when the call is repeated. */
    static boolean retryableStatus(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }

    /**
     * For an I/O failure talking to {@code what}: a {@link TransientToolException} to throw when a retry may help
     * (refused, timed out, reset), or empty when it will not (TLS problems).
     */
    static Optional<TransientToolException> transientFor(String what, IOException e) {
        if (e instanceof SSLException) {
            return Optional.empty();
        }
        String reason;
        if (e instanceof HttpConnectTimeoutException) {
            reason = "connecting timed out";
        } else if (e instanceof HttpTimeoutException) {
            reason = "no answer in time";
        } else if (e instanceof ConnectException) {
            reason = "cannot connect (" + describe(e) + ")";
        } else {
            reason = "the connection failed (" + describe(e) + ")";
        }
        return Optional.of(new TransientToolException(what + ": " + reason, e));
    }

    static String describe(Throwable e) {
        Throwable deepest = e;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = deepest.getMessage();
        }
        if (message == null || message.isBlank()) {
            message = deepest.getClass().getSimpleName();
        }
        return message;
    }
}

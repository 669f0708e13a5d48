package dev.uniwizard.mesh.house.tools.net;

import dev.uniwizard.mesh.core.http.IoFailures;
import dev.uniwizard.mesh.house.tools.TransientToolException;
import java.io.IOException;
import java.util.Optional;

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
        if (!IoFailures.worthRetrying(e)) {
            return Optional.empty();
        }
        return Optional.of(new TransientToolException(what + ": " + IoFailures.reason(e), e));
    }
}

package dev.uniwizard.mesh.core.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import javax.net.ssl.SSLException;

/**
 * What went wrong on an outbound HTTP call, in words, and whether trying again may help: one rule for every client of
 * the mesh (the Gitea client, the houses' HTTP tools).
 */
public final class IoFailures {

    private IoFailures() {}

    /** Refused, timed out or reset connections may pass on a retry; a TLS problem will not. */
    public static boolean worthRetrying(IOException e) {
        return !(e instanceof SSLException);
    }

    /** Why the call failed: {@code connecting timed out}, {@code no answer in time}, {@code cannot connect (...)}... */
    public static String reason(IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "connecting timed out";
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer in time";
        }
        if (e instanceof ConnectException) {
            return "cannot connect (" + describe(e) + ")";
        }
        return "the connection failed (" + describe(e) + ")";
    }

    /** The failure's own message, else its deepest cause's, else the deepest cause's class name. */
    public static String describe(Throwable e) {
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

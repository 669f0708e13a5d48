package dev.uniwizard.mesh.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class IoFailuresTest {

    @Test
    void namesEachKindOfFailure() {
        assertThat(IoFailures.reason(new HttpConnectTimeoutException("x"))).isEqualTo("connecting timed out");
        assertThat(IoFailures.reason(new HttpTimeoutException("x"))).isEqualTo("no answer in time");
        assertThat(IoFailures.reason(new ConnectException("Connection refused")))
                .isEqualTo("cannot connect (Connection refused)");
        assertThat(IoFailures.reason(new IOException("reset"))).isEqualTo("the connection failed (reset)");
    }

    @Test
    void onlyATlsProblemIsNotWorthRetrying() {
        assertThat(IoFailures.worthRetrying(new SSLHandshakeException("bad certificate")))
                .isFalse();
        assertThat(IoFailures.worthRetrying(new ConnectException("refused"))).isTrue();
    }

    @Test
    void describesByTheDeepestCauseWhenTheFailureSaysNothing() {
        assertThat(IoFailures.describe(new IOException("own message", new IOException("cause"))))
                .isEqualTo("own message");
        assertThat(IoFailures.describe(new IOException(null, new IOException("deep"))))
                .isEqualTo("deep");
        assertThat(IoFailures.describe(new ConnectException())).isEqualTo("ConnectException");
    }
}

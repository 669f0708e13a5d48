package dev.uniwizard.mesh.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.uniwizard.mesh.core.envelope.Sender;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InputsTest {

    private static final Duration DEFAULT = Duration.ofSeconds(30);
    private static final Duration MAX = Duration.ofSeconds(120);

    @Test
    void theOperatorHeaderNamesTheSender() {
        assertThat(Inputs.sender("alice@ops")).isEqualTo(new Sender("http", "alice@ops", "alice@ops"));
        assertThat(Inputs.sender(null)).isEqualTo(new Sender("http", "http-api", "http-api"));
        assertThat(Inputs.sender(" ")).isEqualTo(new Sender("http", "http-api", "http-api"));
    }

    @Test
    void refusesBadOperators() {
        assertCode(() -> Inputs.sender("a".repeat(65)), "bad_operator");
        assertCode(() -> Inputs.sender("alice smith"), "bad_operator");
        assertThat(Inputs.sender("a".repeat(64)).userId()).hasSize(64);
    }

    @Test
    void waitDefaultsAndStaysWithinTheMaximum() {
        assertThat(Inputs.replyWait(null, DEFAULT, MAX)).isEqualTo(DEFAULT);
        assertThat(Inputs.replyWait("0", DEFAULT, MAX)).isZero();
        assertThat(Inputs.replyWait("120", DEFAULT, MAX)).isEqualTo(MAX);
        assertCode(() -> Inputs.replyWait("121", DEFAULT, MAX), "bad_wait");
        assertCode(() -> Inputs.replyWait("-1", DEFAULT, MAX), "bad_wait");
        assertCode(() -> Inputs.replyWait("soon", DEFAULT, MAX), "bad_wait");
    }

    @Test
    void limitDefaultsAndStaysWithinTheMaximum() {
        assertThat(Inputs.limit(null, 100, 1000)).isEqualTo(100);
        assertThat(Inputs.limit("1000", 100, 1000)).isEqualTo(1000);
        assertCode(() -> Inputs.limit("0", 100, 1000), "bad_limit");
        assertCode(() -> Inputs.limit("1001", 100, 1000), "bad_limit");
        assertCode(() -> Inputs.limit("ten", 100, 1000), "bad_limit");
    }

    private static void assertCode(Runnable call, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code())
                .isEqualTo(code));
    }
}

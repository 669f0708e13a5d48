package dev.uniwizard.mesh.gateway.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DiscordSignatureTest {

    private static final String TIMESTAMP = "1760000000";
    private static final String BODY = "{\"type\":1,\"id\":\"1\"}";

    private final DiscordTestKeys keys = new DiscordTestKeys();
    private final DiscordSignature signature = at(keys.publicKeyHex(), Instant.ofEpochSecond(1760000000));

    @Test
    void acceptsARequestSignedWithTheApplicationsKey() {
        assertThat(signature.check(TIMESTAMP, keys.sign(TIMESTAMP, BODY), bytes(BODY)))
                .isEmpty();
    }

    @Test
    void refusesAnotherKey() {
        String forged = new DiscordTestKeys().sign(TIMESTAMP, BODY);
        assertThat(signature.check(TIMESTAMP, forged, bytes(BODY)))
                .hasValueSatisfying(f -> assertThat(f.reason()).isEqualTo("bad_signature"));
    }

    @Test
    void refusesAModifiedBodyOrTimestamp() {
        String signed = keys.sign(TIMESTAMP, BODY);
        assertThat(signature.check(TIMESTAMP, signed, bytes("{\"type\":2,\"id\":\"1\"}")))
                .hasValueSatisfying(f -> assertThat(f.reason()).isEqualTo("bad_signature"));
        assertThat(signature.check("1760000001", signed, bytes(BODY)))
                .hasValueSatisfying(f -> assertThat(f.reason()).isEqualTo("bad_signature"));
    }

    @Test
    void refusesAStaleTimestampEvenWhenSigned() {
        DiscordSignature later = at(keys.publicKeyHex(), Instant.ofEpochSecond(1760000000 + 301));
        assertThat(later.check(TIMESTAMP, keys.sign(TIMESTAMP, BODY), bytes(BODY)))
                .hasValueSatisfying(f -> assertThat(f.reason()).isEqualTo("stale_timestamp"));
    }

    @Test
    void refusesMissingHeadersAndMalformedHex() {
        assertThat(signature.check(null, keys.sign(TIMESTAMP, BODY), bytes(BODY)))
                .hasValueSatisfying(f -> assertThat(f.reason()).isEqualTo("missing_timestamp"));
        assertThat(signature.check(TIMESTAMP, null, bytes(BODY)))
                .hasValueSatisfying(f -> assertThat(f.reason()).isEqualTo("missing_signature"));
        assertThat(signature.check(TIMESTAMP, "zz" + keys.sign(TIMESTAMP, BODY).substring(2), bytes(BODY)))
                .hasValueSatisfying(f -> assertThat(f.message()).contains("not hex"));
        assertThat(signature.check(TIMESTAMP, "abcd", bytes(BODY)))
                .hasValueSatisfying(f -> assertThat(f.message()).contains("2 bytes"));
        assertThat(signature.check("soon", keys.sign("soon", BODY), bytes(BODY)))
                .hasValueSatisfying(f -> assertThat(f.reason()).isEqualTo("bad_timestamp"));
    }

    @Test
    void refusesAPublicKeyThatIsNot64HexDigits() {
        assertThatThrownBy(() -> at("abc", Instant.now()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not hex");
        assertThatThrownBy(() -> at("ab".repeat(31), Instant.now())).hasMessageContaining("62 hex digits");
    }

    private static DiscordSignature at(String publicKey, Instant now) {
        return new DiscordSignature(publicKey, Duration.ofMinutes(5), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

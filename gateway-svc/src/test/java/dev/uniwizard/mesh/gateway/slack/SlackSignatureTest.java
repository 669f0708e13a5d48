package dev.uniwizard.mesh.gateway.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SlackSignatureTest {

    /** Slack's documented example ("Verifying requests from Slack"). */
    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

    private static final String TIMESTAMP = "1531420618";
    private static final byte[] BODY = ("token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
                    + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner"
                    + "&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands"
                    + "%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
                    + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c")
            .getBytes(StandardCharsets.UTF_8);
    private static final String EXPECTED = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private final SlackSignature signature = at(Instant.ofEpochSecond(1531420618));

    @Test
    void computesSlacksDocumentedSignature() {
        assertThat(signature.sign(TIMESTAMP, BODY)).isEqualTo(EXPECTED);
    }

    @Test
    void acceptsSlacksDocumentedRequest() {
        assertThat(signature.check(TIMESTAMP, EXPECTED, BODY)).isEmpty();
    }

    @Test
    void acceptsATimestampWithinTheSkew() {
        SlackSignature later = at(Instant.ofEpochSecond(1531420618 + 299));
        assertThat(later.check(TIMESTAMP, EXPECTED, BODY)).isEmpty();
    }

    @Test
    void refusesAStaleTimestamp() {
        SlackSignature later = at(Instant.ofEpochSecond(1531420618 + 301));
        assertThat(later.check(TIMESTAMP, EXPECTED, BODY))
                .hasValueSatisfying(f -> assertThat(f.reason()).isEqualTo("stale_timestamp"));
    }

    @Test
    void refusesATimestampFromTheFuture() {
        SlackSignature earlier = at(Instant.ofEpochSecond(1531420618 - 301));
        assertThat(earlier.check(TIMESTAMP, EXPECTED, BODY))
                .hasValueSatisfying(f -> assertThat(f.message()).contains("301 s away"));
    }

    @Test
    void refusesAnotherSecret() {
        SlackSignature other = new SlackSignature(
                "another-secret",
                Duration.ofMinutes(5),
                Clock.fixed(Instant.ofEpochSecond(1531420618), ZoneOffset.UTC));
        assertThat(other.check(TIMESTAMP, EXPECTED, BODY))
                .hasValueSatisfying(f -> assertThat(f.reason()).isEqualTo("bad_signature"));
    }

    @Test
    void refusesAModifiedBody() {
        byte[] modified = BODY.clone();
        modified[modified.length - 1] = 'd';
        assertThat(signature.check(TIMESTAMP, EXPECTED, modified))
                .hasValueSatisfying(f -> assertThat(f.reason()).isEqualTo("bad_signature"));
    }

    @Test
    void refusesASignatureOfAnotherTimestamp() {
        assertThat(signature.check("1531420619", EXPECTED, BODY))
                .hasValueSatisfying(f -> assertThat(f.reason()).isEqualTo("bad_signature"));
    }

    @Test
    void namesAMissingHeader() {
        assertThat(signature.check(null, EXPECTED, BODY))
                .hasValueSatisfying(f -> assertThat(f.message()).contains("X-Slack-Request-Timestamp"));
        assertThat(signature.check(TIMESTAMP, " ", BODY))
                .hasValueSatisfying(f -> assertThat(f.reason()).isEqualTo("missing_signature"));
    }

    @Test
    void refusesATimestampThatIsNoNumber() {
        assertThat(signature.check("yesterday\n", EXPECTED, BODY)).hasValueSatisfying(f -> {
            assertThat(f.reason()).isEqualTo("bad_timestamp");
            assertThat(f.message()).contains("'yesterday?'");
        });
        assertThat(signature.check("-9223372036854775808", EXPECTED, BODY))
                .hasValueSatisfying(f -> assertThat(f.reason()).isEqualTo("stale_timestamp"));
    }

    private static SlackSignature at(Instant now) {
        return new SlackSignature(SECRET, Duration.ofMinutes(5), Clock.fixed(now, ZoneOffset.UTC));
    }
}

package dev.uniwizard.mesh.gateway.openai;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

/**
 * Operators with API tokens for the OpenAI-compatible API tests: alice (home house ezra, plain token), bob (home house
 * timmy, token given as its SHA-256) and dave (only for the rate limit). Keep-alives every second.
 */
public class OpenAiTestProfile implements QuarkusTestProfile {

    static final String ALICE_TOKEN = "alice-test-token-0123456789";
    static final String BOB_TOKEN = "bob-test-token-0123456789";
    static final String DAVE_TOKEN = "dave-test-token-0123456789";
    static final int RATE_LIMIT = 25;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "gateway.operators.alice.house",
                "ezra",
                "gateway.operators.alice.tokens",
                ALICE_TOKEN,
                "gateway.operators.bob.house",
                "timmy",
                "gateway.operators.bob.tokens",
                "sha256:" + sha256(BOB_TOKEN),
                "gateway.operators.dave.house",
                "ezra",
                "gateway.operators.dave.tokens",
                DAVE_TOKEN,
                "gateway.sender-rate-limit.limit-for-period",
                String.valueOf(RATE_LIMIT),
                "gateway.openai.keep-alive",
                "1s");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

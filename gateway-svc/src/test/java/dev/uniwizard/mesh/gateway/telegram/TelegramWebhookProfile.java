package dev.uniwizard.mesh.gateway.telegram;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Telegram in webhook mode for {@link TelegramWebhookTest} and {@link TelegramDeliveryTest} (one Quarkus start for
 * both): operator alice is Telegram users 1001-1009 (each test uses its own), at most 4 messages a minute per sender.
 */
public class TelegramWebhookProfile implements QuarkusTestProfile {

    static final String SECRET = "webhook-secret_for-tests";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "gateway.telegram.mode", "webhook",
                "gateway.telegram.webhook-secret", SECRET,
                "gateway.telegram.bot-username", "MeshBot",
                "gateway.operators.alice.house", "ezra",
                "gateway.operators.alice.identities",
                        "telegram:1001,telegram:1002,telegram:1003,telegram:1004,telegram:1005,telegram:1006,"
                                + "telegram:1007,telegram:1008,telegram:1009",
                "gateway.sender-rate-limit.limit-for-period", "4",
                "gateway.sender-rate-limit.period", "1m");
    }
}

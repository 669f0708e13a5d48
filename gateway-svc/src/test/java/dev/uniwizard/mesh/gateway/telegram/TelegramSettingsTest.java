package dev.uniwizard.mesh.gateway.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.uniwizard.mesh.gateway.config.GatewayConfig;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TelegramSettingsTest {

    record Config(
            String mode,
            Optional<String> botToken,
            Optional<String> webhookSecret,
            String apiUrl,
            Duration pollTimeout,
            double perChatPerSecond,
            double overallPerSecond,
            Optional<String> botUsername)
            implements GatewayConfig.TelegramConfig {

        static Config of(String mode, String token, String secret) {
            return new Config(
                    mode,
                    Optional.ofNullable(token),
                    Optional.ofNullable(secret),
                    "https://api.telegram.org/",
                    Duration.ofSeconds(25),
                    1,
                    30,
                    Optional.empty());
        }
    }

    @Test
    void offNeedsNothing() {
        TelegramSettings settings = TelegramSettings.of(Config.of("off", null, null));
        assertThat(settings.enabled()).isFalse();
        assertThat(settings.apiUrl()).isEqualTo("https://api.telegram.org");
    }

    @Test
    void webhookModeWithoutASecretStopsTheStart() {
        assertThatThrownBy(() -> TelegramSettings.of(Config.of("webhook", "123:abc", null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gateway.telegram.webhook-secret")
                .hasMessageContaining("GATEWAY_TELEGRAM_WEBHOOK_SECRET");
        assertThatThrownBy(() -> TelegramSettings.of(Config.of("webhook", "123:abc", "  ")))
                .hasMessageContaining("webhook-secret");
    }

    @Test
    void anEnabledModeWithoutATokenStopsTheStart() {
        assertThatThrownBy(() -> TelegramSettings.of(Config.of("polling", null, null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GATEWAY_TELEGRAM_BOT_TOKEN");
    }

    @Test
    void pollingNeedsNoSecret() {
        TelegramSettings settings = TelegramSettings.of(Config.of("Polling", "123:abc", null));
        assertThat(settings.mode()).isEqualTo(TelegramMode.POLLING);
    }

    @Test
    void anUnknownModeOrABadSecretIsNamed() {
        assertThatThrownBy(() -> TelegramSettings.of(Config.of("push", "123:abc", null)))
                .hasMessageContaining("'push' is not one of webhook, polling or off");
        assertThatThrownBy(() -> TelegramSettings.of(Config.of("webhook", "123:abc", "has spaces!")))
                .hasMessageContaining("A-Z a-z 0-9 _ and -");
    }

    @Test
    void neverShowsTheTokenOrSecret() {
        TelegramSettings settings = TelegramSettings.of(Config.of("webhook", "123:topsecret", "hush-hush"));
        assertThat(settings.toString()).doesNotContain("topsecret").doesNotContain("hush-hush");
    }
}

package dev.uniwizard.mesh.gateway.gitea;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.uniwizard.mesh.gateway.config.GatewayConfig;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GiteaSetupTest {

    record Config(
            boolean enabled,
            Optional<String> webhookSecret,
            Optional<String> baseUrl,
            Optional<String> token,
            int maxBodyBytes)
            implements GatewayConfig.GiteaWebhookConfig {

        static Config of(boolean enabled, String secret, String baseUrl, String token) {
            return new Config(
                    enabled,
                    Optional.ofNullable(secret),
                    Optional.ofNullable(baseUrl),
                    Optional.ofNullable(token),
                    1024);
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void offNeedsNothing() {
        GiteaSetup setup = new GiteaSetup(Config.of(false, null, null, null), TIMEOUT);

        assertThat(setup.enabled()).isFalse();
        assertThat(setup.api()).isEmpty();
    }

    @Test
    void enabledWithoutASecretDoesNotStart() {
        assertThatThrownBy(() -> new GiteaSetup(Config.of(true, " ", null, null), TIMEOUT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gateway.gitea.webhook-secret")
                .hasMessageContaining("GATEWAY_GITEA_WEBHOOK_SECRET");
    }

    @Test
    void repliesNeedBaseUrlAndToken() {
        assertThat(new GiteaSetup(Config.of(true, "s", "https://gitea.example.org", null), TIMEOUT).api())
                .isEmpty();
        assertThat(new GiteaSetup(Config.of(true, "s", "https://gitea.example.org", "t"), TIMEOUT).api())
                .isPresent();
    }

    @Test
    void anUnusableBaseUrlDoesNotStart() {
        assertThatThrownBy(() -> new GiteaSetup(Config.of(true, "s", "gitea.example.org", "t"), TIMEOUT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gateway.gitea.base-url")
                .hasMessageContaining("is not an http(s) URL with a host");
    }
}

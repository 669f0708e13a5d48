package dev.uniwizard.mesh.gateway.telegram;

import dev.uniwizard.mesh.gateway.config.GatewayConfig;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * Checks {@code gateway.telegram.*} when the gateway starts (a webhook without a secret, a mode without a token stop the
 * start with the reason) and hands the checked {@link TelegramSettings} to the adapter. Calls nothing at Telegram:
 * registering the webhook is the operator's job (docs/gateway/telegram.md).
 */
@Startup(105)
@Singleton
public class TelegramSetup {

    private static final Logger LOG = Logger.getLogger(TelegramSetup.class);

    private final TelegramSettings settings;

    public TelegramSetup(GatewayConfig config) {
        this.settings = TelegramSettings.of(config.telegram());
        switch (settings.mode()) {
            case OFF -> LOG.debug("Telegram is off (gateway.telegram.mode=off)");
            case WEBHOOK ->
                LOG.infof(
                        "Telegram in webhook mode: updates are taken at POST /webhooks/telegram (register it with"
                                + " setWebhook, see docs/gateway/telegram.md); replies go to %s",
                        settings.apiUrl());
            case POLLING ->
                LOG.infof(
                        "Telegram in polling mode: getUpdates on %s every %s at most; run only ONE gateway replica in"
                                + " this mode",
                        settings.apiUrl(), settings.pollTimeout());
        }
    }

    public TelegramSettings settings() {
        return settings;
    }
}

package dev.uniwizard.mesh.gateway.telegram;

import dev.uniwizard.mesh.gateway.config.GatewayConfig;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code gateway.telegram.*}, checked once: a configuration that cannot work (webhook mode without a secret, any mode
 * without a bot token, rates that are not positive) stops the gateway's start with a message naming the key, instead
 * of failing later on the first update or reply.
 *
 * @param mode webhook, polling or off
 * @param botToken the bot token, empty when off
 * @param webhookSecret the secret Telegram sends in {@code X-Telegram-Bot-Api-Secret-Token} (webhook mode)
 * @param apiUrl the Bot API base URL, without a trailing slash
 * @param botUsername the bot's username without {@code @}, if configured
 * @param pollTimeout the getUpdates long-poll timeout
 * @param perChatPerSecond messages per second to one chat
 * @param overallPerSecond messages per second overall
 */
public record TelegramSettings(
        TelegramMode mode,
        String botToken,
        Optional<String> webhookSecret,
        String apiUrl,
        Optional<String> botUsername,
        Duration pollTimeout,
        double perChatPerSecond,
        double overallPerSecond) {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_]{1,64}");
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    /** Validates the configuration; throws {@link IllegalStateException} naming what is wrong. */
    public static TelegramSettings of(GatewayConfig.TelegramConfig config) {
        TelegramMode mode;
        try {
            mode = TelegramMode.parse(config.mode());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        Optional<String> token = nonBlank(config.botToken());
        Optional<String> secret = nonBlank(config.webhookSecret());
        Optional<String> username =
                nonBlank(config.botUsername()).map(name -> name.startsWith("@") ? name.substring(1) : name);
        if (mode != TelegramMode.OFF && token.isEmpty()) {
            throw new IllegalStateException("gateway.telegram.mode is " + mode.wireName()
                    + " but no bot token is configured: set gateway.telegram.bot-token (env GATEWAY_TELEGRAM_BOT_TOKEN)"
                    + " to the token BotFather gave, or set gateway.telegram.mode=off");
        }
        if (mode == TelegramMode.WEBHOOK && secret.isEmpty()) {
            throw new IllegalStateException("gateway.telegram.mode is webhook but gateway.telegram.webhook-secret"
                    + " (env GATEWAY_TELEGRAM_WEBHOOK_SECRET) is not set: without it anyone could post updates to"
                    + " /webhooks/telegram. Choose a random secret (1-256 characters A-Z a-z 0-9 _ -) and give the same"
                    + " value to setWebhook as secret_token");
        }
        if (secret.isPresent() && !SECRET.matcher(secret.get()).matches()) {
            throw new IllegalStateException("gateway.telegram.webhook-secret must be 1-256 characters of A-Z a-z 0-9 _"
                    + " and - (Telegram's rule for secret_token)");
        }
        if (username.isPresent() && !USERNAME.matcher(username.get()).matches()) {
            throw new IllegalStateException("gateway.telegram.bot-username '" + username.get()
                    + "' is not a Telegram username (letters, digits and _, without @)");
        }
        if (!(config.perChatPerSecond() > 0) || !(config.overallPerSecond() > 0)) {
            throw new IllegalStateException("gateway.telegram.per-chat-per-second and overall-per-second must be"
                    + " greater than 0 (got " + config.perChatPerSecond() + " and " + config.overallPerSecond() + ")");
        }
        if (config.pollTimeout().isNegative() || config.pollTimeout().toSeconds() > 3600) {
            throw new IllegalStateException(
                    "gateway.telegram.poll-timeout must be between 0s and 1h (got " + config.pollTimeout() + ")");
        }
        String apiUrl = config.apiUrl().strip();
        while (apiUrl.endsWith("/")) {
            apiUrl = apiUrl.substring(0, apiUrl.length() - 1);
        }
        if (!apiUrl.startsWith("http://") && !apiUrl.startsWith("https://")) {
            throw new IllegalStateException(
                    "gateway.telegram.api-url '" + config.apiUrl() + "' must start with https:// (or http://)");
        }
        return new TelegramSettings(
                mode,
                token.orElse(""),
                secret,
                apiUrl,
                username,
                config.pollTimeout(),
                config.perChatPerSecond(),
                config.overallPerSecond());
    }

    public boolean enabled() {
        return mode != TelegramMode.OFF;
    }

    private static Optional<String> nonBlank(Optional<String> value) {
        return value.map(String::strip).filter(text -> !text.isEmpty());
    }

    @Override
    public String toString() {
        return "TelegramSettings[mode=" + mode.wireName() + ", apiUrl=" + apiUrl + ", botUsername="
                + botUsername.orElse("-") + ", pollTimeout=" + pollTimeout + "]";
    }
}

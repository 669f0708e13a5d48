package dev.uniwizard.mesh.gateway.telegram;

import java.util.Locale;

/** How updates reach the gateway: Telegram calls our webhook, we long-poll getUpdates, or Telegram is not used. */
public enum TelegramMode {
    OFF,
    WEBHOOK,
    POLLING;

    /** Reads {@code gateway.telegram.mode}; anything but {@code off}, {@code webhook} or {@code polling} is refused. */
    public static TelegramMode parse(String value) {
        String text = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "off", "" -> OFF;
            case "webhook" -> WEBHOOK;
            case "polling" -> POLLING;
            default ->
                throw new IllegalArgumentException(
                        "gateway.telegram.mode '" + value + "' is not one of webhook, polling or off");
        };
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

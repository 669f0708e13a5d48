package dev.uniwizard.mesh.gateway.discord;

import dev.uniwizard.mesh.gateway.config.GatewayConfig;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The Discord settings ({@code gateway.discord.*}), checked at start: an enabled Discord adapter without a valid
 * public key or without the application id stops the gateway with a message naming the setting, rather than failing on
 * the first interaction.
 */
@Startup
@Singleton
public class DiscordSettings {

    private final boolean enabled;
    private final String applicationId;
    private final String apiUrl;
    private final Duration httpTimeout;
    private final DiscordSignature signature;

    public DiscordSettings(GatewayConfig config) {
        GatewayConfig.DiscordConfig discord = config.discord();
        this.enabled = discord.enabled();
        this.apiUrl = stripTrailingSlash(discord.apiUrl());
        this.httpTimeout = config.outbound().httpTimeout();
        if (!enabled) {
            this.applicationId = null;
            this.signature = null;
            return;
        }
        String publicKey = required(discord.publicKey(), "public-key", "GATEWAY_DISCORD_PUBLIC_KEY");
        try {
            this.signature = new DiscordSignature(publicKey, discord.maxClockSkew(), Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("gateway.discord.public-key: " + e.getMessage());
        }
        this.applicationId = required(discord.applicationId(), "application-id", "GATEWAY_DISCORD_APPLICATION_ID");
        if (!applicationId.matches("[0-9]{1,20}")) {
            throw new IllegalStateException("gateway.discord.application-id '" + applicationId
                    + "' is not a Discord id (digits): give the APPLICATION ID from the developer portal");
        }
    }

    /** Whether {@code gateway.discord.enabled} is true (and so the key and application id are valid). */
    public boolean enabled() {
        return enabled;
    }

    /** The verifier of Discord's request signatures; only when enabled. */
    public DiscordSignature signature() {
        return signature;
    }

    public String applicationId() {
        return applicationId;
    }

    /** The API base URL without a trailing slash, e.g. {@code https://discord.com/api/v10}. */
    public String apiUrl() {
        return apiUrl;
    }

    public Duration httpTimeout() {
        return httpTimeout;
    }

    private static String required(Optional<String> value, String key, String env) {
        return value.map(String::strip)
                .filter(v -> !v.isEmpty())
                .orElseThrow(() -> new IllegalStateException("gateway.discord.enabled is true but gateway.discord."
                        + key + " is not set: give it as env " + env + " (see docs/gateway/discord.md)"));
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}

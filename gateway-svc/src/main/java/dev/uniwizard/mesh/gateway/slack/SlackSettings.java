package dev.uniwizard.mesh.gateway.slack;

import dev.uniwizard.mesh.gateway.config.GatewayConfig;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The Slack settings ({@code gateway.slack.*}), checked at start: an enabled Slack adapter without its signing secret
 * or bot token stops the gateway with a message naming the missing setting, rather than failing on the first event.
 */
@Startup
@Singleton
public class SlackSettings {

    private final boolean enabled;
    private final String signingSecret;
    private final String botToken;
    private final String apiUrl;
    private final Duration httpTimeout;
    private final SlackSignature signature;

    public SlackSettings(GatewayConfig config) {
        GatewayConfig.SlackConfig slack = config.slack();
        this.enabled = slack.enabled();
        this.signingSecret = enabled
                ? required(slack.signingSecret(), "signing-secret", "GATEWAY_SLACK_SIGNING_SECRET", "Signing Secret")
                : null;
        this.botToken = enabled
                ? required(slack.botToken(), "bot-token", "GATEWAY_SLACK_BOT_TOKEN", "Bot User OAuth Token (xoxb-...)")
                : null;
        this.apiUrl = stripTrailingSlash(slack.apiUrl());
        this.httpTimeout = config.outbound().httpTimeout();
        this.signature = enabled ? new SlackSignature(signingSecret, slack.maxClockSkew(), Clock.systemUTC()) : null;
    }

    /** Whether {@code gateway.slack.enabled} is true (and so the secret and token are set). */
    public boolean enabled() {
        return enabled;
    }

    /** The verifier of Slack's request signatures; only when enabled. */
    public SlackSignature signature() {
        return signature;
    }

    public String botToken() {
        return botToken;
    }

    /** The Web API base URL without a trailing slash, e.g. {@code https://slack.com/api}. */
    public String apiUrl() {
        return apiUrl;
    }

    public Duration httpTimeout() {
        return httpTimeout;
    }

    private static String required(Optional<String> value, String key, String env, String what) {
        return value.map(String::strip)
                .filter(v -> !v.isEmpty())
                .orElseThrow(() -> new IllegalStateException("gateway.slack.enabled is true but gateway.slack." + key
                        + " is not set: give the Slack app's " + what + " as env " + env
                        + " (see docs/gateway/slack.md)"));
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}

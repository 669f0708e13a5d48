package dev.uniwizard.mesh.gateway.gitea;

import dev.uniwizard.mesh.gateway.config.GatewayConfig;
import dev.uniwizard.mesh.gitea.GiteaApi;
import io.quarkus.runtime.Startup;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Checks {@code gateway.gitea.*} when the gateway starts: webhooks enabled without a secret, or a base URL Gitea's
 * client refuses, stop the start with the reason. Replies are posted as comments only when base URL and token are
 * both set; otherwise the start says that replies to Gitea stay in the OUTBOUND stream.
 */
@Startup(105)
@Singleton
public class GiteaSetup {

    private static final Logger LOG = Logger.getLogger(GiteaSetup.class);

    private final boolean enabled;
    private final String secret;
    private final int maxBodyBytes;
    private final Optional<GiteaApi> api;

    @Inject
    public GiteaSetup(GatewayConfig config) {
        this(config.gitea(), config.outbound().httpTimeout());
    }

    /**
     * @param gitea {@code gateway.gitea.*}
     * @param httpTimeout how long posting one comment may take
     * @throws IllegalStateException when webhooks are enabled without a secret, or the base URL is unusable
     */
    public GiteaSetup(GatewayConfig.GiteaWebhookConfig gitea, Duration httpTimeout) {
        this.enabled = gitea.enabled();
        this.maxBodyBytes = gitea.maxBodyBytes();
        this.secret = gitea.webhookSecret().map(String::strip).orElse("");
        if (!enabled) {
            this.api = Optional.empty();
            LOG.debug("Gitea webhooks are off (gateway.gitea.enabled=false)");
            return;
        }
        if (secret.isEmpty()) {
            throw new IllegalStateException("gateway.gitea.enabled=true needs gateway.gitea.webhook-secret (env"
                    + " GATEWAY_GITEA_WEBHOOK_SECRET): the same secret as in the Gitea webhook's settings; without it"
                    + " anyone could post events (see docs/gateway/gitea.md)");
        }
        if (maxBodyBytes < 1) {
            throw new IllegalStateException("gateway.gitea.max-body-bytes must be positive, got " + maxBodyBytes);
        }
        Optional<String> baseUrl = gitea.baseUrl().map(String::strip).filter(s -> !s.isEmpty());
        Optional<String> token = gitea.token().map(String::strip).filter(s -> !s.isEmpty());
        if (baseUrl.isPresent() && token.isPresent()) {
            try {
                this.api = Optional.of(new GiteaApi(baseUrl.get(), token.get(), httpTimeout));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("gateway.gitea.base-url / gateway.gitea.token: " + e.getMessage(), e);
            }
            LOG.infof(
                    "Gitea webhooks are taken at POST /webhooks/gitea; replies are posted as comments on %s",
                    baseUrl.get());
        } else {
            this.api = Optional.empty();
            LOG.warnf(
                    "Gitea webhooks are taken at POST /webhooks/gitea, but replies are NOT posted: set %s (see"
                            + " docs/gateway/gitea.md)",
                    baseUrl.isEmpty()
                            ? "gateway.gitea.base-url" + (token.isEmpty() ? " and gateway.gitea.token" : "")
                            : "gateway.gitea.token (env GATEWAY_GITEA_TOKEN)");
        }
    }

    /** Whether POST /webhooks/gitea takes webhooks. */
    public boolean enabled() {
        return enabled;
    }

    /** The webhook secret; non-blank when {@link #enabled()}. */
    String secret() {
        return secret;
    }

    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /** The client for posting replies, when webhooks are enabled and base URL and token are set. */
    public Optional<GiteaApi> api() {
        return api;
    }
}

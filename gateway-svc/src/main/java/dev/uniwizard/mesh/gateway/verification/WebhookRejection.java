package dev.uniwizard.mesh.gateway.verification;

import dev.uniwizard.mesh.gateway.api.ApiError;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

/**
 * The one way a webhook with a missing, stale or wrong signature is answered: 401 with a JSON error that says what was
 * wrong (never which secret was expected), a {@code mesh.security} log line, and the counter
 * {@code mesh.gateway.webhook{platform,outcome="rejected",reason}}. Nothing is published.
 */
@Singleton
public class WebhookRejection {

    private static final Logger SECURITY = Logger.getLogger("mesh.security");

    private final MeterRegistry registry;

    public WebhookRejection(MeterRegistry registry) {
        this.registry = registry;
    }

    public Response reject(String platform, String reason, String message) {
        registry.counter("mesh.gateway.webhook", "platform", platform, "outcome", "rejected", "reason", reason)
                .increment();
        SECURITY.warnf("rejected a %s webhook: %s (%s)", platform, message, reason);
        return new ApiError(reason, message).toResponse(401);
    }

    /** Counts a webhook that passed verification, by what became of it. */
    public void accepted(String platform, String outcome) {
        registry.counter("mesh.gateway.webhook", "platform", platform, "outcome", outcome, "reason", "none")
                .increment();
    }
}

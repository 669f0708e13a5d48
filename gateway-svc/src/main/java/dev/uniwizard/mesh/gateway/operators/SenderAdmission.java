package dev.uniwizard.mesh.gateway.operators;

import dev.uniwizard.mesh.core.payload.SecurityEventPayload;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.gateway.config.GatewayConfig;
import dev.uniwizard.mesh.service.security.SecurityEvents;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * The door every platform message passes: the sender must be a configured operator (else a polite refusal, a
 * {@code mesh.security} log line and a security event) and within their own rate limit (a resilience4j RateLimiter per
 * sender; beyond it, a refusal that says when to try again). Nothing refused is published to the mesh.
 */
@Singleton
public class SenderAdmission {

    private final OperatorDirectory directory;
    private final RateLimiterRegistry limiters;
    private final Subjects subjects;
    private final MeterRegistry registry;
    private final SecurityEvents securityEvents;

    public SenderAdmission(
            OperatorDirectory directory,
            GatewayConfig config,
            Subjects subjects,
            MeterRegistry registry,
            SecurityEvents securityEvents) {
        this.securityEvents = securityEvents;
        this.directory = directory;
        this.subjects = subjects;
        this.registry = registry;
        this.limiters = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(config.senderRateLimit().limitForPeriod())
                .limitRefreshPeriod(config.senderRateLimit().period())
                .timeoutDuration(Duration.ZERO)
                .build());
    }

    /** Decides on a message from {@code userId} on {@code platform}; refusals are counted and reported. */
    public Admission admit(String platform, String userId, String displayName) {
        var operator = directory.byIdentity(platform, userId);
        if (operator.isEmpty()) {
            count(platform, "unknown_sender");
            reportUnknown(platform, userId, displayName);
            return new Admission.Refused(
                    "unknown_sender",
                    "Sorry, I don't know you yet, so I can't pass your message on. Ask the mesh's operator to add "
                            + platform + ":" + userId + " to gateway.operators.");
        }
        return admitKnown(operator.get(), platform, userId);
    }

    /** The rate limit alone, for senders identified otherwise (a bearer token). */
    public Admission admitKnown(Operator operator, String platform, String userId) {
        RateLimiter limiter = limiters.rateLimiter(platform + ":" + userId);
        if (!limiter.acquirePermission()) {
            count(platform, "rate_limited");
            Duration period = limiter.getRateLimiterConfig().getLimitRefreshPeriod();
            return new Admission.Refused(
                    "rate_limited",
                    "You are sending messages faster than "
                            + limiter.getRateLimiterConfig().getLimitForPeriod() + " per " + describe(period)
                            + "; please wait a moment and send it again.");
        }
        count(platform, "admitted");
        return new Admission.Admitted(operator);
    }

    private void reportUnknown(String platform, String userId, String displayName) {
        String detail = "a message from unknown " + platform + " user " + userId
                + (displayName == null ? "" : " (" + displayName + ")") + " was refused: no operator has that identity";
        securityEvents.report(
                detail,
                new SecurityEventPayload(
                        "unknown_sender", detail, subjects.in(platform), null, platform + ":" + userId),
                null);
    }

    private void count(String platform, String outcome) {
        registry.counter("mesh.gateway.admission", "platform", platform, "outcome", outcome)
                .increment();
    }

    private static String describe(Duration period) {
        return period.toSeconds() % 60 == 0 && period.toSeconds() >= 60
                ? period.toMinutes() + (period.toMinutes() == 1 ? " minute" : " minutes")
                : period.toSeconds() + " seconds";
    }
}

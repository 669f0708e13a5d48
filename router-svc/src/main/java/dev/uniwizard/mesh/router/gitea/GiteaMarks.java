package dev.uniwizard.mesh.router.gitea;

import dev.uniwizard.mesh.core.gitea.GiteaEventPayload;
import dev.uniwizard.mesh.gitea.GiteaApi;
import dev.uniwizard.mesh.gitea.GiteaApiException;
import dev.uniwizard.mesh.gitea.GiteaRepo;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Writes a triage decision onto the issue or pull request: labels, the house's Gitea user as assignee, and one
 * {@code Routed to <House (role)>: <reason>} comment. Safe to repeat for a redelivered webhook: adding labels and
 * assignees that are there changes nothing, and the comment is skipped when one already has a line routing to the same
 * house. Counted in {@code mesh.router.gitea.labels{outcome}}; the time from the gateway receiving the webhook to the
 * labels being applied is the timer {@code mesh.router.triage.latency}.
 */
@Singleton
public class GiteaMarks {

    private static final Logger LOG = Logger.getLogger(GiteaMarks.class);

    /** How a routing comment starts; also how the router recognises its own comments. */
    public static final String ROUTED_TO = "Routed to ";

    /** What happened on Gitea. */
    public sealed interface Outcome {}

    /** Labels and assignee applied; {@code commented} is false when an earlier delivery already commented. */
    public record Applied(boolean commented) implements Outcome {}

    /** No Gitea configured: nothing was changed. */
    public record NotConfigured() implements Outcome {}

    /** Gitea refused for good (bad token, no such issue); {@code why} says what it answered. */
    public record Failed(String why) implements Outcome {}

    private final GiteaAccess gitea;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Timer latency;

    public GiteaMarks(GiteaAccess gitea, MeterRegistry registry, Clock clock) {
        this.gitea = gitea;
        this.registry = registry;
        this.clock = clock;
        this.latency = Timer.builder("mesh.router.triage.latency")
                .description("from the gateway receiving a Gitea webhook to the router's labels being applied")
                .publishPercentileHistogram()
                .register(registry);
    }

    /**
     * Marks the event's issue or pull request as routed to {@code house}.
     *
     * @param comment the comment, starting with {@link #ROUTED_TO} and the house's title, then a colon
     * @param lastAttempt whether this is the last delivery of the webhook: a transient failure then counts as
     *     {@link Failed} too, so the task is still routed
     * @param stillWorking called between calls, so a slow Gitea does not make JetStream redeliver meanwhile
     * @throws GiteaApiException only for transient failures before the last attempt (the caller retries later)
     */
    public Outcome mark(
            GiteaEventPayload event,
            String house,
            List<String> labels,
            String comment,
            boolean lastAttempt,
            Runnable stillWorking)
            throws GiteaApiException {
        Optional<GiteaApi> configured = gitea.api();
        if (configured.isEmpty()) {
            count("not_configured");
            LOG.infof("labels %s not applied to %s: router.gitea is not configured", labels, event.summary());
            return new NotConfigured();
        }
        GiteaApi api = configured.get();
        try {
            GiteaRepo repo = GiteaRepo.parse(event.repository());
            long number = event.number();
            api.addLabels(repo, number, labels);
            recordLatency(event);
            stillWorking.run();
            Optional<String> user = gitea.userOf(house);
            if (user.isPresent()) {
                api.addAssignees(repo, number, List.of(user.get()));
                stillWorking.run();
            } else {
                LOG.debugf("no router.gitea.users.%s: %s is not assigned", house, event.summary());
            }
            String prefix = comment.substring(0, comment.indexOf(':') + 1);
            boolean alreadyCommented = api.comments(repo, number).stream()
                    .anyMatch(c -> c.body().lines().anyMatch(line -> line.startsWith(prefix)));
            if (!alreadyCommented) {
                api.comment(repo, number, comment);
            } else {
                LOG.debugf("%s already has a '%s' comment: not commenting again", event.summary(), prefix);
            }
            count("applied");
            return new Applied(!alreadyCommented);
        } catch (GiteaApiException e) {
            if (e.isTransient() && !lastAttempt) {
                count("retried");
                throw e;
            }
            count("failed");
            LOG.warnf("could not label %s on Gitea (routing it anyway): %s", event.summary(), e.getMessage());
            return new Failed(e.getMessage());
        }
    }

    private void recordLatency(GiteaEventPayload event) {
        if (event.receivedAt() != null) {
            Duration elapsed = Duration.between(event.receivedAt(), clock.instant());
            if (!elapsed.isNegative()) {
                latency.record(elapsed);
            }
        }
    }

    private void count(String outcome) {
        registry.counter("mesh.router.gitea.labels", "outcome", outcome).increment();
    }
}

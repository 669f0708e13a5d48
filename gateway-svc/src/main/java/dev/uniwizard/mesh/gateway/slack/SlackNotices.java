package dev.uniwizard.mesh.gateway.slack;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Posts the gateway's own short answers (a refusal of an unknown sender, a message that is too long) into the
 * sender's Slack thread, directly with chat.postMessage and in the background, so the Events API request is answered
 * without waiting for Slack. They do not go through the mesh: they are not replies of a house. A failure is logged and
 * counted ({@code mesh.gateway.slack.notices{outcome}}), not retried.
 */
@Singleton
public class SlackNotices {

    private static final Logger LOG = Logger.getLogger(SlackNotices.class);

    private final SlackWebApi api;
    private final MeterRegistry registry;
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("slack-notice-", 0).factory());

    public SlackNotices(SlackWebApi api, MeterRegistry registry) {
        this.api = api;
        this.registry = registry;
    }

    /** Posts {@code text} into {@code channel}, thread {@code threadTs}, soon. */
    public void post(String channel, String threadTs, String text) {
        executor.execute(() -> send(channel, threadTs, text));
    }

    private void send(String channel, String threadTs, String text) {
        String outcome;
        try {
            outcome = switch (api.postMessage(channel, SlackText.escape(text), threadTs)) {
                case SlackWebApi.Result.Posted posted -> "posted";
                case SlackWebApi.Result.RateLimited limited -> {
                    LOG.warnf("Slack rate-limited the gateway's notice to %s; it was not posted", channel);
                    yield "rate_limited";
                }
                case SlackWebApi.Result.Failed failed -> {
                    LOG.warnf("the gateway's notice to Slack channel %s was not posted: %s", channel, failed.detail());
                    yield "failed";
                }
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = "failed";
        } catch (Exception e) {
            LOG.warnf("the gateway's notice to Slack channel %s was not posted: %s", channel, e.toString());
            outcome = "failed";
        }
        registry.counter("mesh.gateway.slack.notices", "outcome", outcome).increment();
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}

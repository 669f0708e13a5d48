package dev.uniwizard.mesh.observatory.slo;

import dev.uniwizard.mesh.observatory.config.SloConfig;
import dev.uniwizard.mesh.observatory.leader.Leadership;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Scrapes the histograms of the latency objectives every {@code observatory.slo.scrape-interval} on the leader and
 * stores their summed bucket counts ({@link LatencySamples}); deletes samples older than
 * {@code observatory.slo.retention}. Each scrape is counted in
 * {@code mesh_observatory_slo_scrapes_total{objective,outcome}} (ok, unreachable, bad_status, unreadable); a failure
 * is logged when the outcome changes, not on every scrape.
 */
@Singleton
public class LatencyScraper {

    private static final Logger LOG = Logger.getLogger(LatencyScraper.class);

    private final SloObjectives objectives;
    private final LatencySamples samples;
    private final Leadership leadership;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Duration timeout;
    private final Duration retention;
    private final HttpClient client;
    private final Map<String, String> lastOutcome = new ConcurrentHashMap<>();

    public LatencyScraper(
            SloConfig config,
            SloObjectives objectives,
            LatencySamples samples,
            Leadership leadership,
            Clock clock,
            MeterRegistry registry) {
        this.objectives = objectives;
        this.samples = samples;
        this.leadership = leadership;
        this.clock = clock;
        this.registry = registry;
        this.timeout = config.scrapeTimeout();
        this.retention = config.retention();
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Scheduled(
            identity = "observatory-slo-scrape",
            every = "${observatory.slo.scrape-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (objectives.latency().isEmpty() || !leadership.isLeader()) {
            return;
        }
        try {
            scrapeAll();
            samples.deleteBefore(clock.instant().minus(retention));
        } catch (RuntimeException e) {
            LOG.warnf(e, "latency samples were not stored this time; next try in one interval");
        }
    }

    /** Scrapes every latency objective once. */
    public void scrapeAll() {
        for (SloObjectives.LatencyObjective objective : objectives.latency()) {
            scrape(objective);
        }
    }

    /** Scrapes one objective; its outcome (ok, unreachable, bad_status, unreadable). */
    public String scrape(SloObjectives.LatencyObjective objective) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String outcome;
        String detail = null;
        try {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(objective.url())
                            .timeout(timeout)
                            .header("Accept", "text/plain;version=0.0.4")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                outcome = "bad_status";
                detail = "HTTP " + response.statusCode();
            } else {
                samples.add(
                        objective.name(),
                        PrometheusText.histogram(response.body(), objective.metric(), objective.matchers(), at),
                        PrometheusText.processStart(response.body()).orElse(null));
                outcome = "ok";
            }
        } catch (IllegalArgumentException e) {
            outcome = "unreadable";
            detail = e.getMessage();
        } catch (IOException e) {
            outcome = "unreachable";
            detail = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = "unreachable";
            detail = "interrupted";
        }
        registry.counter("mesh.observatory.slo.scrapes", "objective", objective.name(), "outcome", outcome)
                .increment();
        String previous = lastOutcome.put(objective.name(), outcome);
        if (!Objects.equals(previous, outcome)) {
            if (detail == null) {
                LOG.infof("latency objective %s: scraping %s works", objective.name(), objective.url());
            } else {
                LOG.warnf(
                        "latency objective %s: cannot scrape %s from %s (%s): %s",
                        objective.name(), objective.metric(), objective.url(), outcome, detail);
            }
        }
        return outcome;
    }
}

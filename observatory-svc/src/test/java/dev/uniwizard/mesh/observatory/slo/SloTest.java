package dev.uniwizard.mesh.observatory.slo;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dev.uniwizard.mesh.core.observatory.LatencySlo;
import dev.uniwizard.mesh.core.observatory.SloReport;
import dev.uniwizard.mesh.core.observatory.UptimeSlo;
import dev.uniwizard.mesh.observatory.notify.FakePeers;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The SLO report from stored snapshots and from histograms scraped off a real HTTP endpoint serving Prometheus text,
 * with the numbers worked out by hand.
 */
@QuarkusTest
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {
            @ResourceArg(name = "node", value = "observatory-test"),
            @ResourceArg(name = "role", value = "service"),
            @ResourceArg(name = "database", value = "true")
        })
@WithTestResource(FakePeers.class)
class SloTest {

    @Inject
    SloReports reports;

    @Inject
    SloObjectives objectives;

    @Inject
    LatencyScraper scraper;

    @Inject
    SloGauges gauges;

    @Inject
    Jdbi jdbi;

    @Inject
    MeterRegistry registry;

    @Test
    void uptimeCountsDownAndUnobservedTimeFromTheSnapshots() {
        Instant base = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(3, ChronoUnit.HOURS);
        // gateway: a snapshot every 30 s for an hour, four of them critical: 120 s down of 3600.
        for (int i = 0; i <= 120; i++) {
            snapshot("service:gateway", base.plusSeconds(30L * i), i >= 20 && i < 24 ? "critical" : "ok");
        }
        // router: every 30 s, but nothing between minute 30 and minute 40: 600 s unobserved.
        for (int i = 0; i <= 120; i++) {
            if (i <= 60 || i >= 80) {
                snapshot("service:router", base.plusSeconds(30L * i), "ok");
            }
        }

        SloReport report = reports.report(base, base.plusSeconds(3600));

        UptimeSlo gateway = report.uptime().get(0);
        assertThat(gateway.service()).isEqualTo("gateway");
        assertThat(gateway.observedSeconds()).isEqualTo(3600);
        assertThat(gateway.downSeconds()).isEqualTo(120);
        assertThat(gateway.unobservedSeconds()).isZero();
        assertThat(gateway.percent()).isCloseTo(100.0 * 3480 / 3600, within(1e-9));
        assertThat(gateway.budgetSeconds()).isCloseTo(18, within(1e-9));
        assertThat(gateway.budgetRemainingPercent()).isCloseTo(100 * (1 - 120 / 18.0), within(1e-9));
        assertThat(gateway.met()).isFalse();
        UptimeSlo router = report.uptime().get(1);
        assertThat(router.service()).isEqualTo("router");
        assertThat(router.targetPercent()).isEqualTo(99.0);
        assertThat(router.observedSeconds()).isEqualTo(3000);
        assertThat(router.unobservedSeconds()).isEqualTo(600);
        assertThat(router.percent()).isEqualTo(100.0);
        assertThat(router.budgetRemainingPercent()).isEqualTo(100.0);
        assertThat(router.met()).isTrue();

        // The gauges cover the default window (30 days), in which these are the only snapshots.
        gauges.refresh();
        assertThat(gauge("mesh.observatory.slo.uptime.ratio", "service", "gateway"))
                .isCloseTo(3480 / 3600.0, within(1e-9));
        assertThat(gauge("mesh.observatory.slo.budget.remaining.ratio", "service", "gateway"))
                .isCloseTo(1 - 120 / 18.0, within(1e-9));
    }

    @Test
    void latencyQuantilesComeFromTheScrapedHistogramAcrossARestart() {
        Instant from = Instant.now().minusMillis(1);
        FakePeers.metrics.set(metrics(10, 30, 38, 40));
        assertThat(scraper.scrape(latency())).isEqualTo("ok");
        FakePeers.metrics.set(metrics(20, 60, 76, 80));
        assertThat(scraper.scrape(latency())).isEqualTo("ok");

        LatencySlo first = reports.latencies(from, Instant.now()).getFirst();

        // increase: 10, 30, 38, 40. p50: 0.1 + 0.4 * (20 - 10) / 20; p95: rank 38 fills (0.5, 1].
        assertThat(first.name()).isEqualTo("gateway-request");
        assertThat(first.metric()).isEqualTo("mesh_gateway_request_seconds");
        assertThat(first.count()).isEqualTo(40);
        assertThat(first.p50Seconds()).isCloseTo(0.3, within(1e-9));
        assertThat(first.p95Seconds()).isCloseTo(1.0, within(1e-9));
        assertThat(first.objectiveSeconds()).isEqualTo(1.0);
        assertThat(first.met()).isTrue();

        FakePeers.metrics.set(metrics(1, 2, 2, 2)); // the gateway restarted
        assertThat(scraper.scrape(latency())).isEqualTo("ok");

        LatencySlo restarted = reports.latencies(from, Instant.now()).getFirst();

        // increase: 11, 32, 40, 42. p50: rank 21 in (0.1, 0.5]: 0.1 + 0.4 * 10/21; p95: rank 39.9 in (0.5, 1]:
        // 0.5 + 0.5 * 7.9/8.
        assertThat(restarted.count()).isEqualTo(42);
        assertThat(restarted.p50Seconds()).isCloseTo(0.1 + 0.4 * 10 / 21, within(1e-9));
        assertThat(restarted.p95Seconds()).isCloseTo(0.5 + 0.5 * 7.9 / 8, within(1e-9));
        assertThat(restarted.met()).isTrue();
        gauges.refresh();
        assertThat(gauge("mesh.observatory.slo.latency.p95", "name", "gateway-request"))
                .isCloseTo(0.5 + 0.5 * 7.9 / 8, within(1e-9));
    }

    @Test
    void aScrapeThatFailsStoresNothingAndSaysWhy() {
        FakePeers.metrics.set(null);
        assertThat(scraper.scrape(latency())).isEqualTo("bad_status");
        FakePeers.metrics.set("mesh_gateway_request_seconds_bucket{le=\"0.1\"} lots\n");
        assertThat(scraper.scrape(latency())).isEqualTo("unreadable");
        assertThat(registry.find("mesh.observatory.slo.scrapes")
                        .tag("objective", "gateway-request")
                        .tag("outcome", "unreadable")
                        .counter()
                        .count())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void theApiAnswersTheReportAndRefusesABadWindow() {
        given().when()
                .get("/api/v1/slo?window=24h")
                .then()
                .statusCode(200)
                .body("uptime.service", hasItems("gateway", "router"))
                .body("uptime.find { it.service == 'gateway' }.targetPercent", equalTo(99.5f))
                .body("latencies[0].name", equalTo("gateway-request"))
                .body("latencies[0].objectiveSeconds", equalTo(1.0f));
        given().when().get("/api/v1/slo").then().statusCode(200).body("uptime.size()", equalTo(2));
        for (String bad : new String[] {"30", "1y", "-1d", "abc", "400d"}) {
            given().when()
                    .get("/api/v1/slo?window=" + bad)
                    .then()
                    .statusCode(400)
                    .body("error", equalTo("bad_window"))
                    .body("message", containsString("parameter window: window '" + bad + "'"));
        }
    }

    private SloObjectives.LatencyObjective latency() {
        return objectives.latency().getFirst();
    }

    private double gauge(String name, String tag, String value) {
        return registry.find(name).tag(tag, value).gauge().value();
    }

    private void snapshot(String check, Instant at, String state) {
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO check_snapshots (at, check_id, kind, target, state,"
                        + " message) VALUES (:at, :check, 'service', :target, :state, 'seeded')")
                .bind("at", at.atOffset(ZoneOffset.UTC))
                .bind("check", check)
                .bind("target", check.substring(check.indexOf(':') + 1))
                .bind("state", state)
                .execute());
    }

    /** Real Prometheus text with 0.1 s, 0.5 s and 1 s buckets; a rejected series the objective leaves out. */
    private static String metrics(long le01, long le05, long le1, long inf) {
        return """
                # HELP mesh_gateway_request_seconds POST /api/v1/messages, from receipt to answer
                # TYPE mesh_gateway_request_seconds histogram
                mesh_gateway_request_seconds_bucket{outcome="replied",le="0.1"} %d.0
                mesh_gateway_request_seconds_bucket{outcome="replied",le="0.5"} %d.0
                mesh_gateway_request_seconds_bucket{outcome="replied",le="1.0"} %d.0
                mesh_gateway_request_seconds_bucket{outcome="replied",le="+Inf"} %d.0
                mesh_gateway_request_seconds_count{outcome="replied"} %d.0
                mesh_gateway_request_seconds_sum{outcome="replied"} 12.5
                mesh_gateway_request_seconds_bucket{outcome="rejected",le="0.1"} 500.0
                mesh_gateway_request_seconds_bucket{outcome="rejected",le="0.5"} 500.0
                mesh_gateway_request_seconds_bucket{outcome="rejected",le="1.0"} 500.0
                mesh_gateway_request_seconds_bucket{outcome="rejected",le="+Inf"} 500.0
                # TYPE mesh_gateway_request_seconds_max gauge
                mesh_gateway_request_seconds_max{outcome="replied"} 2.0
                """.formatted(le01, le05, le1, inf, inf);
    }
}

package dev.uniwizard.mesh.observatory.digest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.observatory.CheckIncidents;
import dev.uniwizard.mesh.core.observatory.CheckState;
import dev.uniwizard.mesh.core.observatory.DigestReport;
import dev.uniwizard.mesh.core.payload.ReplyPayload;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.observatory.config.DigestConfig;
import dev.uniwizard.mesh.observatory.leader.Leadership;
import dev.uniwizard.mesh.observatory.notify.FakePeers;
import dev.uniwizard.mesh.service.config.MeshConfig;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import dev.uniwizard.mesh.testkit.SubjectRecorder;
import dev.uniwizard.mesh.testkit.platforms.RecordedRequest;
import io.nats.client.Connection;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** The digest's numbers from seeded snapshots, changes and notifications; the daily send happens once. */
@QuarkusTest
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {
            @ResourceArg(name = "node", value = "observatory-test"),
            @ResourceArg(name = "role", value = "service"),
            @ResourceArg(name = "database", value = "true")
        })
@WithTestResource(FakePeers.class)
class DigestTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    DigestReports reports;

    @Inject
    DigestSender sender;

    @Inject
    DigestDays days;

    @Inject
    DigestConfig config;

    @Inject
    Leadership leadership;

    @Inject
    MeshConfig mesh;

    @Inject
    Jdbi jdbi;

    @Inject
    Connection connection;

    @Inject
    Subjects subjects;

    @Test
    void countsStatesIncidentsAndNotificationsOfTheDay() {
        Instant to = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(3, ChronoUnit.DAYS);
        Instant from = to.minus(Duration.ofHours(24));
        snapshot("disk:digest-1", from.minusSeconds(1), "ok"); // before the period
        snapshot("disk:digest-1", from, "ok");
        snapshot("disk:digest-1", from.plus(Duration.ofMinutes(30)), "ok");
        snapshot("disk:digest-1", from.plus(Duration.ofMinutes(60)), "critical");
        snapshot("disk:digest-1", from.plus(Duration.ofMinutes(65)), "critical");
        snapshot("disk:digest-1", from.plus(Duration.ofHours(2)), "ok");
        snapshot("disk:digest-1", from.plus(Duration.ofHours(5)), "error");
        snapshot("disk:digest-1", from.plus(Duration.ofHours(6)), "ok");
        snapshot("instance:digest-3", from.plus(Duration.ofHours(3)), "warn");
        snapshot("instance:digest-3", to.minusSeconds(30), "critical");
        snapshot("instance:digest-3", to, "critical"); // after the period
        change("disk:digest-1", from.minus(Duration.ofHours(1)), null, "ok");
        change("disk:digest-1", from.plus(Duration.ofMinutes(60)), "ok", "critical");
        change("disk:digest-1", from.plus(Duration.ofMinutes(70)), "critical", "ok");
        change("disk:digest-1", from.plus(Duration.ofHours(5)), "ok", "error");
        change("disk:digest-1", from.plus(Duration.ofMinutes(330)), "error", "ok");
        change("service:digest-svc", from.minus(Duration.ofHours(2)), null, "critical");
        change("service:digest-svc", from.plus(Duration.ofMinutes(20)), "critical", "ok");
        change("instance:digest-3", from.plus(Duration.ofHours(3)), null, "warn");
        change("instance:digest-3", from.plus(Duration.ofHours(23)), "warn", "critical");
        notification("n-before", from.minusSeconds(60), "webhook");
        notification("n-1", from.plus(Duration.ofHours(1)), "webhook");
        notification("n-1", from.plus(Duration.ofHours(1)), "telegram");
        notification("n-2", from.plus(Duration.ofHours(2)), "webhook");
        notification("n-after", to, "webhook");

        DigestReport report = reports.report(to);

        assertThat(report.from()).isEqualTo(from);
        assertThat(report.to()).isEqualTo(to);
        assertThat(report.snapshotsByState())
                .containsEntry(CheckState.OK, 4L)
                .containsEntry(CheckState.WARN, 1L)
                .containsEntry(CheckState.CRITICAL, 3L)
                .containsEntry(CheckState.ERROR, 1L);
        assertThat(report.incidents())
                .containsExactly(
                        new CheckIncidents("disk:digest-1", 2, 600 + 1800, CheckState.CRITICAL),
                        new CheckIncidents("instance:digest-3", 1, 3600, CheckState.CRITICAL),
                        new CheckIncidents("service:digest-svc", 0, 1200, CheckState.CRITICAL));
        assertThat(report.alertsSent()).isEqualTo(2);
        assertThat(report.uptime()).extracting(u -> u.service()).containsExactly("gateway", "router");
        assertThat(report.latencies()).extracting(l -> l.name()).containsExactly("gateway-request");
        assertThat(report.text())
                .contains("Checks: 4 ok, 1 warn, 3 critical, 1 error")
                .contains("Incidents: 3 checks\n• disk:digest-1 2× 40m critical\n• instance:digest-3 1× 1h critical")
                .contains("• service:digest-svc 0× 20m critical")
                .endsWith("Alerts sent: 2");
    }

    @Test
    void theDailyDigestGoesOutOnceAcrossNodesAndLaterTicks() {
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(10);
        Instant due = day.atTime(config.at()).toInstant(ZoneOffset.UTC);
        DailyDigest node = daily(due.plusSeconds(1));
        try (SubjectRecorder out = SubjectRecorder.watch(connection, subjects.out("telegram"))) {
            assertThat(daily(due.minusSeconds(1)).sendIfDue()).as("not yet due").isEmpty();

            DigestReport sent = node.sendIfDue().orElseThrow();

            assertThat(sent.to()).isEqualTo(due);
            assertThat(node.sendIfDue()).as("the same node, a second later").isEmpty();
            assertThat(daily(due.plus(Duration.ofMinutes(5))).sendIfDue())
                    .as("another node")
                    .isEmpty();
            assertThat(daily(due.plus(Duration.ofHours(23))).sendIfDue())
                    .as("later the same day")
                    .isEmpty();
            assertThat(daily(due.minus(Duration.ofHours(17))).sendIfDue())
                    .as("the day before, more than late-by after its time")
                    .isEmpty();
            assertThat(rows(day)).isEqualTo(1);
            assertThat(rows(day.minusDays(1))).isZero();
            List<RecordedRequest> posts = digestPosts(due);
            assertThat(posts).hasSize(1);
            assertThat(posts.getFirst().header("x-mesh-notification")).isEqualTo("digest");
            await().atMost(WAIT).until(() -> out.payloadsOn(subjects.out("telegram"), ReplyPayload.class).stream()
                    .anyMatch(reply -> reply.text().equals(sent.text())));
            String deliveries = jdbi.withHandle(
                    handle -> handle.createQuery("SELECT deliveries::text FROM digest_days WHERE day = :day")
                            .bind("day", day)
                            .mapTo(String.class)
                            .one());
            assertThat(deliveries).contains("\"channel\": \"telegram\"").contains("HTTP 500");
        }
    }

    @Test
    void theApiAnswersTheDigestAndSendsOneOnRequest() {
        given().when()
                .get("/api/v1/digest")
                .then()
                .statusCode(200)
                .body("text", startsWith("📊 Mesh digest: the 24h to "))
                .body("snapshotsByState.keySet()", org.hamcrest.Matchers.hasItems("ok", "warn", "critical", "error"));

        String to = given().when()
                .post("/api/v1/digest/send")
                .then()
                .statusCode(200)
                .body("uptime.size()", equalTo(2))
                .extract()
                .path("to");

        assertThat(digestPosts(Instant.parse(to))).hasSize(1);
    }

    private DailyDigest daily(Instant now) {
        return new DailyDigest(config, reports, sender, days, leadership, Clock.fixed(now, ZoneOffset.UTC), mesh);
    }

    private static List<RecordedRequest> digestPosts(Instant to) {
        return FakePeers.peers().posts("/hook").stream()
                .filter(r -> "digest".equals(r.header("x-mesh-notification")))
                .filter(r -> {
                    try {
                        return EnvelopeCodec.mapper()
                                .readValue(r.body(), DigestReport.class)
                                .to()
                                .equals(to);
                    } catch (IOException e) {
                        throw new AssertionError("not a digest: " + r.bodyText(), e);
                    }
                })
                .toList();
    }

    private int rows(LocalDate day) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT count(*) FROM digest_days WHERE day = :day")
                .bind("day", day)
                .mapTo(Integer.class)
                .one());
    }

    private void snapshot(String check, Instant at, String state) {
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO check_snapshots (at, check_id, kind, target, state,"
                        + " message) VALUES (:at, :check, :kind, :target, :state, 'seeded')")
                .bind("at", at.atOffset(ZoneOffset.UTC))
                .bind("check", check)
                .bind("kind", check.substring(0, check.indexOf(':')))
                .bind("target", check.substring(check.indexOf(':') + 1))
                .bind("state", state)
                .execute());
    }

    private void change(String check, Instant at, String from, String to) {
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO check_transitions (at, check_id, from_state,"
                        + " to_state, message) VALUES (:at, :check, :from, :to, 'seeded')")
                .bind("at", at.atOffset(ZoneOffset.UTC))
                .bind("check", check)
                .bind("from", from)
                .bind("to", to)
                .execute());
    }

    private void notification(String id, Instant at, String channel) {
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO alert_notifications (notification_id, group_key,"
                        + " status, channel, destination, delivered, alerts, body, sent_at) VALUES (:id, '{kind=\"x\"}',"
                        + " 'firing', :channel, 'd', true, 1, 'text', :at)")
                .bind("id", id)
                .bind("channel", channel)
                .bind("at", at.atOffset(ZoneOffset.UTC))
                .execute());
    }
}

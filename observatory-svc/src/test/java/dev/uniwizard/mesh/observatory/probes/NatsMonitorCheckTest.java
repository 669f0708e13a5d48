package dev.uniwizard.mesh.observatory.probes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.uniwizard.mesh.core.observatory.CheckResult;
import dev.uniwizard.mesh.core.observatory.CheckState;
import dev.uniwizard.mesh.observatory.checks.Level;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against a real nats-server of the test's own, spawned as a process. */
class NatsMonitorCheckTest {

    private static final Instant AT = Instant.parse("2026-01-01T12:00:00Z");
    private static final Level DEFAULT_JETSTREAM = Level.ratio("observatory.checks.jetstream", 0.8, 0.9);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static NatsServerProcess server;

    @BeforeAll
    static void startServer() {
        server = NatsServerProcess.start(true);
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aHealthyServerIsOkWithItsConnectionsAndJetStreamStorage() throws Exception {
        try (Connection client = Nats.connect(server.natsUrl())) {
            List<CheckResult> results =
                    check(server.monitorUrl(), DEFAULT_JETSTREAM).run(AT);

            assertThat(results).extracting(CheckResult::id).containsExactly("nats:server", "jetstream:server");
            CheckResult nats = results.getFirst();
            assertThat(nats.state()).isEqualTo(CheckState.OK);
            assertThat(nats.value()).isGreaterThanOrEqualTo(1.0);
            assertThat(nats.message())
                    .startsWith("NATS 2.")
                    .contains(" is healthy: ")
                    .contains("connection(s)")
                    .contains("slow consumer(s)");
            CheckResult jetstream = results.get(1);
            assertThat(jetstream.state()).isEqualTo(CheckState.OK);
            assertThat(jetstream.unit()).isEqualTo("ratio");
            assertThat(jetstream.value()).isBetween(0.0, 0.8);
            assertThat(jetstream.message()).startsWith("JetStream uses ").contains("warn at 80%, critical at 90%");
        }
    }

    @Test
    void judgesTheStorageInUseAgainstTheThresholds() throws Exception {
        try (Connection client = Nats.connect(server.natsUrl())) {
            JetStreamManagement jsm = client.jetStreamManagement();
            jsm.addStream(StreamConfiguration.builder()
                    .name("OBSERVATORY_TEST")
                    .subjects("observatory.test.>")
                    .storageType(StorageType.File)
                    .build());
            client.jetStream().publish("observatory.test.a", "x".repeat(4096).getBytes(StandardCharsets.UTF_8));
            Level tiny = Level.ratio("observatory.checks.jetstream", 1e-12, 0.5);

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                CheckResult jetstream = check(server.monitorUrl(), tiny).run(AT).get(1);
                assertThat(jetstream.state()).isEqualTo(CheckState.WARN);
                assertThat(jetstream.value()).isPositive();
            });
        }
    }

    @Test
    void anUnreachableEndpointIsAnErrorSayingHowToEnableMonitoring() throws Exception {
        String closed = "http://127.0.0.1:" + NatsServerProcess.freePort();

        List<CheckResult> results = check(closed, DEFAULT_JETSTREAM).run(AT);

        assertThat(results).extracting(CheckResult::id).containsExactly("nats:server", "jetstream:server");
        assertThat(results).allSatisfy(result -> {
            assertThat(result.state()).isEqualTo(CheckState.ERROR);
            assertThat(result.at()).isEqualTo(AT);
            assertThat(result.message())
                    .contains("the NATS monitoring endpoint " + closed + " could not be reached")
                    .contains("-m 8222")
                    .contains("http_port")
                    .contains("observatory.nats.monitor-url");
        });
    }

    @Test
    void aServerWithoutJetStreamIsCriticalForJetStream() throws Exception {
        try (NatsServerProcess plain = NatsServerProcess.start(false)) {
            List<CheckResult> results =
                    check(plain.monitorUrl(), DEFAULT_JETSTREAM).run(AT);

            assertThat(results.getFirst().state()).isEqualTo(CheckState.OK);
            assertThat(results.get(1).state()).isEqualTo(CheckState.CRITICAL);
            assertThat(results.get(1).message())
                    .contains("JetStream is disabled")
                    .contains("-js");
        }
    }

    @Test
    void refusesAMonitorUrlThatIsNotHttp() {
        assertThat(NatsMonitorCheck.parse("http://127.0.0.1:8222/")).isEqualTo(URI.create("http://127.0.0.1:8222"));
        assertThatThrownBy(() -> NatsMonitorCheck.parse("nats://127.0.0.1:4222"))
                .hasMessageContaining("observatory.nats.monitor-url 'nats://127.0.0.1:4222' must be an http(s) URL");
        assertThatThrownBy(() -> NatsMonitorCheck.parse("http://bad host")).hasMessageContaining("is not a URL");
    }

    private static NatsMonitorCheck check(String url, Level jetstream) {
        return new NatsMonitorCheck(HTTP, NatsMonitorCheck.parse(url), Duration.ofSeconds(2), jetstream);
    }
}

package dev.uniwizard.mesh.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.payload.MessagePayload;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.testkit.LocalServers;
import dev.uniwizard.mesh.testkit.SubjectRecorder;
import dev.uniwizard.mesh.testkit.TestDatabase;
import dev.uniwizard.mesh.testkit.TestKeyring;
import dev.uniwizard.mesh.testkit.TestNamespace;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.PublishOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Gateway, router, house-ezra and memory as four real JVMs on the local NATS and PostgreSQL: one operator message goes
 * HTTP -> gateway -> router -> ezra -> memory -> reply to the HTTP caller; a forged envelope goes nowhere.
 */
class MeshEndToEndIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final TestNamespace NAMESPACE = TestNamespace.create();
    private static final TestKeyring KEYS = TestKeyring.shared();
    private static final List<ServiceProcess> SERVICES = new ArrayList<>();
    private static TestDatabase database;
    private static ServiceProcess gateway;
    private static ServiceProcess router;
    private static Connection nats;

    @BeforeAll
    static void startTheMesh() throws Exception {
        database = TestDatabase.create();
        Map<String, Map<String, String>> services = new java.util.LinkedHashMap<>();
        services.put(
                "memory-svc",
                config(
                        "memory-test",
                        NodeRole.SERVICE,
                        Map.of(
                                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                                "quarkus.datasource.username", LocalServers.pgUser(),
                                "quarkus.datasource.password", LocalServers.pgPassword())));
        services.put("router-svc", config("router-test", NodeRole.ROUTER, Map.of()));
        services.put("house-ezra", config("ezra-test", NodeRole.HOUSE, Map.of()));
        services.put("gateway-svc", config("gateway-test", NodeRole.GATEWAY, Map.of()));
        for (var entry : services.entrySet()) {
            SERVICES.add(ServiceProcess.start(entry.getKey(), entry.getValue()));
        }
        ExecutorService waiting = Executors.newFixedThreadPool(SERVICES.size());
        List<Future<?>> ready = new ArrayList<>();
        for (ServiceProcess service : SERVICES) {
            ready.add(waiting.submit(() -> service.awaitReady(Duration.ofSeconds(120))));
        }
        for (Future<?> future : ready) {
            future.get();
        }
        waiting.shutdown();
        router = SERVICES.get(1);
        gateway = SERVICES.get(3);
        nats = Nats.connect(LocalServers.natsUrl());
    }

    @AfterAll
    static void stopTheMesh() throws Exception {
        for (ServiceProcess service : SERVICES) {
            service.close();
        }
        if (nats != null) {
            nats.close();
        }
        NAMESPACE.deleteStreams();
        if (database != null) {
            database.drop();
        }
    }

    @Test
    void anOperatorMessageTravelsTheWholeWayAndIsStored() throws Exception {
        Subjects subjects = NAMESPACE.subjects();
        HttpResponse<String> response;
        List<Envelope> hops;
        try (SubjectRecorder recorder =
                SubjectRecorder.watch(nats, subjects.in("http"), subjects.task("ezra"), subjects.out("http"))) {
            response = post("/api/v1/messages", "{\"house\":\"ezra\",\"text\":\"/tool echo text=hello-mesh\"}");
            recorder.awaitFirst(subjects.out("http"));
            hops = List.of(
                    recorder.envelopesOn(subjects.in("http")).getFirst(),
                    recorder.envelopesOn(subjects.task("ezra")).getFirst(),
                    recorder.envelopesOn(subjects.out("http")).getFirst());
        }

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode reply = EnvelopeCodec.mapper().readTree(response.body());
        assertThat(reply.path("status").asText()).isEqualTo("ok");
        assertThat(reply.path("house").asText()).isEqualTo("ezra");
        assertThat(reply.path("text").asText()).isEqualTo("hello-mesh");
        // One correlation id and one trace across gateway, router and house, each hop signed by its own node.
        assertThat(hops).extracting(Envelope::nodeId).containsExactly("gateway-test", "router-test", "ezra-test");
        assertThat(hops)
                .extracting(Envelope::correlationId)
                .containsOnly(reply.path("id").asText());
        assertThat(hops).allSatisfy(hop -> assertThat(hop.traceparent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"));
        assertThat(hops).extracting(hop -> hop.traceparent().substring(3, 35)).containsOnly(traceId(hops.get(0)));
        String conversationId = reply.path("conversationId").asText();

        HttpResponse<String> history = get("/api/v1/conversations/" + conversationId);
        assertThat(history.statusCode()).as(history.body()).isEqualTo(200);
        JsonNode messages = EnvelopeCodec.mapper().readTree(history.body()).path("messages");
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).path("role").asText()).isEqualTo("user");
        assertThat(messages.get(0).path("content").asText()).isEqualTo("/tool echo text=hello-mesh");
        assertThat(messages.get(1).path("role").asText()).isEqualTo("assistant");
        assertThat(messages.get(1).path("content").asText()).isEqualTo("hello-mesh");
        assertThat(storedRows(conversationId)).isEqualTo(2);
    }

    @Test
    void forgedAndTamperedEnvelopesAreRejectedAndReachNoHouse() throws Exception {
        Subjects subjects = NAMESPACE.subjects();
        List<Message> tasks = new CopyOnWriteArrayList<>();
        Dispatcher watcher = nats.createDispatcher(tasks::add);
        watcher.subscribe(subjects.taskAll());
        try {
            double unknownKeyBefore = rejected("unknown_key");
            double badSignatureBefore = rejected("bad_signature");

            Envelope forged = KEYS.intruder()
                    .originate(
                            EnvelopeKind.MESSAGE,
                            "forged",
                            "ezra",
                            new Sender("http", "mallory", "Mallory"),
                            new MessagePayload("/tool echo text=FORGED"),
                            null);
            publish(subjects.in("http"), EnvelopeCodec.toBytes(forged), forged.id());

            Envelope genuine = KEYS.signer("gateway-test", NodeRole.GATEWAY)
                    .originate(
                            EnvelopeKind.MESSAGE,
                            "tampered",
                            "ezra",
                            new Sender("http", "alice", "Alice"),
                            new MessagePayload("/tool echo text=harmless"),
                            null);
            ObjectNode tampered = EnvelopeCodec.toTree(genuine);
            tampered.with("payload").put("text", "/tool echo text=TAMPERED");
            publish(subjects.in("http"), tampered.toString().getBytes(StandardCharsets.UTF_8), genuine.id());

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(rejected("unknown_key")).isGreaterThan(unknownKeyBefore);
                assertThat(rejected("bad_signature")).isGreaterThan(badSignatureBefore);
            });
            // A genuine message sent afterwards gets through, so the router was consuming all along.
            HttpResponse<String> control =
                    post("/api/v1/messages", "{\"house\":\"ezra\",\"text\":\"/tool echo text=control\"}");
            assertThat(control.statusCode()).as(control.body()).isEqualTo(200);
            assertThat(tasks).isNotEmpty();
            assertThat(tasks).noneMatch(task -> {
                String body = new String(task.getData(), StandardCharsets.UTF_8);
                return body.contains("FORGED") || body.contains("TAMPERED");
            });
        } finally {
            nats.closeDispatcher(watcher);
        }
    }

    private static String traceId(Envelope envelope) {
        return envelope.traceparent().substring(3, 35);
    }

    private static Map<String, String> config(String node, NodeRole role, Map<String, String> extra) {
        Map<String, String> config = new HashMap<>(extra);
        config.put("mesh.node-id", node);
        config.put("mesh.nats.url", LocalServers.natsUrl());
        config.put("mesh.nats.subject-root", NAMESPACE.subjectRoot());
        config.put("mesh.nats.stream-prefix", NAMESPACE.streamPrefix());
        config.put("mesh.identity.key-file", KEYS.keyFile(node, role).toString());
        config.put("mesh.identity.trust-store", KEYS.trustStore().toString());
        config.put("mesh.heartbeat.interval", "2s");
        return config;
    }

    private static void publish(String subject, byte[] data, String id) throws Exception {
        nats.jetStream()
                .publish(subject, data, PublishOptions.builder().messageId(id).build());
    }

    private static double rejected(String reason) throws Exception {
        String metrics = HTTP.send(
                        HttpRequest.newBuilder(URI.create(router.baseUrl() + "/q/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        return metrics.lines()
                .filter(line -> line.startsWith("mesh_envelopes_rejected_total{"))
                .filter(line -> line.contains("reason=\"" + reason + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static long storedRows(String conversationId) throws Exception {
        try (var connection = database.connect();
                PreparedStatement query =
                        connection.prepareStatement("SELECT count(*) FROM messages WHERE conversation_id = ?")) {
            query.setString(1, conversationId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static HttpResponse<String> post(String path, String json) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path))
                        .header("content-type", "application/json")
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

package dev.uniwizard.mesh.e2e;

import static dev.uniwizard.mesh.testkit.llm.ScriptedChatServer.call;
import static dev.uniwizard.mesh.testkit.llm.ScriptedChatServer.text;
import static dev.uniwizard.mesh.testkit.llm.ScriptedChatServer.toolCalls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.payload.MessagePayload;
import dev.uniwizard.mesh.core.payload.TaskPayload;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.testkit.LocalServers;
import dev.uniwizard.mesh.testkit.SubjectRecorder;
import dev.uniwizard.mesh.testkit.TestDatabase;
import dev.uniwizard.mesh.testkit.TestKeyring;
import dev.uniwizard.mesh.testkit.TestNamespace;
import dev.uniwizard.mesh.testkit.llm.ScriptedChatServer;
import dev.uniwizard.mesh.testkit.platforms.FakeGiteaApi;
import dev.uniwizard.mesh.testkit.platforms.FakeTelegramBotApi;
import dev.uniwizard.mesh.testkit.platforms.TelegramSentMessage;
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
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Gateway, router, house-ezra, house-timmy, memory and the observatory as six real JVMs on the local NATS and
 * PostgreSQL, with Ezra's model played by a scripted OpenAI-compatible server: one operator message goes HTTP -> gateway
 * -> router -> ezra -> memory -> reply to the HTTP caller; a model turn calls tools and is stored with them; a SOVEREIGN
 * call waits for an approval given over Timmy's HTTP API; a forged envelope goes nowhere; the observatory counts the
 * turns, alerts on a failing probe through a webhook and Telegram (via the gateway) and resolves it, and reads the
 * gateway's latency for its SLO report.
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
    private static ServiceProcess timmy;
    private static ScriptedChatServer model;
    private static Path ezraWorkspace;
    private static FakeTelegramBotApi telegram;
    private static FakeGiteaApi gitea;
    private static ObservatoryPeer observatoryPeer;
    private static ServiceProcess observatory;
    private static final String ALERT_CHAT = "-100777";
    private static final String TELEGRAM_SECRET = "e2e-telegram-secret";
    private static final String GITEA_SECRET = "e2e-gitea-webhook-secret";
    private static final long ALICE_TELEGRAM_ID = 4242;

    @BeforeAll
    static void startTheMesh() throws Exception {
        database = TestDatabase.create();
        model = ScriptedChatServer.start();
        telegram = new FakeTelegramBotApi("123456:e2e-bot-token");
        gitea = new FakeGiteaApi();
        gitea.createRepo("acme/app");
        observatoryPeer = new ObservatoryPeer();
        observatoryPeer.answerHealth(500);
        ezraWorkspace = Files.createTempDirectory("ezra-workspace-");
        Map<String, String> db = Map.of(
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", LocalServers.pgUser(),
                "quarkus.datasource.password", LocalServers.pgPassword());
        Map<String, Map<String, String>> services = new java.util.LinkedHashMap<>();
        services.put("memory-svc", config("memory-test", NodeRole.SERVICE, db));
        services.put("router-svc", config("router-test", NodeRole.ROUTER, routerTriage()));
        services.put(
                "house-ezra",
                config(
                        "ezra-test",
                        NodeRole.HOUSE,
                        Map.of(
                                "house.model.base-url", model.baseUrl(),
                                "house.model.name", "test-model",
                                "house.workspace.roots", ezraWorkspace.toString(),
                                "house.approvals.authority-nodes", "timmy-test",
                                "house.approvals.poll-interval", "500ms")));
        services.put("gateway-svc", config("gateway-test", NodeRole.GATEWAY, gatewayPlatforms()));
        Map<String, String> timmyConfig = new HashMap<>(db);
        timmyConfig.put("house.approvals.authority-nodes", "timmy-test");
        services.put("house-timmy", config("timmy-test", NodeRole.HOUSE, timmyConfig));
        for (var entry : services.entrySet()) {
            SERVICES.add(ServiceProcess.start(entry.getKey(), entry.getValue()));
        }
        observatory = ServiceProcess.start(
                "observatory-svc",
                config("observatory-test", NodeRole.SERVICE, observatoryConfig(db, SERVICES.get(3))));
        SERVICES.add(observatory);
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
        timmy = SERVICES.get(4);
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
        if (model != null) {
            model.close();
        }
        if (telegram != null) {
            telegram.close();
        }
        if (gitea != null) {
            gitea.close();
        }
        if (observatoryPeer != null) {
            observatoryPeer.close();
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
        assertThat(messages).hasSize(3);
        assertThat(messages.get(0).path("role").asText()).isEqualTo("user");
        assertThat(messages.get(0).path("content").asText()).isEqualTo("/tool echo text=hello-mesh");
        assertThat(messages.get(1).path("role").asText()).isEqualTo("tool");
        assertThat(messages.get(1).at("/toolCalls/0/tool").asText()).isEqualTo("echo");
        assertThat(messages.get(2).path("role").asText()).isEqualTo("assistant");
        assertThat(messages.get(2).path("content").asText()).isEqualTo("hello-mesh");
        assertThat(storedRows(conversationId)).isEqualTo(3);
    }

    @Test
    void theObservatorySeesTheTurnAlertsOnAFailingProbeThroughWebhookAndTelegramAndResolvesIt() throws Exception {
        HttpResponse<String> answered =
                post("/api/v1/messages", "{\"house\":\"ezra\",\"text\":\"/tool echo text=observed\"}");
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);

        // The turn reaches the per-agent stats through ezra's turn and tool-call events.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode stats = observatoryJson("/api/v1/stats?house=ezra&since=15m");
            assertThat(stats.path("turns").asLong()).isPositive();
            assertThat(stats.at("/tools/echo").asLong()).isPositive();
            assertThat(stats.at("/received/operator").asLong()).isPositive();
            assertThat(stats.at("/sent/operator").asLong()).isPositive();
            assertThat(stats.has("inboxDepth")).isTrue();
        });

        // Checks: the gateway is up from its heartbeats; the probe answers 500, so it is critical.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode checks = observatoryJson("/api/v1/checks").path("checks");
            assertThat(stateOf(checks, "service:gateway")).isEqualTo("ok");
            assertThat(stateOf(checks, "probe:peer")).isEqualTo("critical");
        });

        // After the for-duration the alert fires once to the webhook, and to Telegram through the gateway.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(observatoryPeer.notifications()).anySatisfy(hook -> {
                    assertThat(hook.json().path("status").asText()).isEqualTo("firing");
                    assertThat(hook.bodyText()).contains("probe:peer");
                }));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(telegram.sentTo(ALERT_CHAT))
                .anySatisfy(sent -> assertThat(sent.text()).contains("FIRING").contains("probe:peer")));

        observatoryPeer.answerHealth(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(observatoryPeer.notifications())
                .anySatisfy(
                        hook -> assertThat(hook.json().path("status").asText()).isEqualTo("resolved")));
        long firing = observatoryPeer.notifications().stream()
                .filter(hook -> hook.json().path("status").asText().equals("firing"))
                .count();
        assertThat(firing)
                .as("a check that stays critical notifies once, not on every evaluation")
                .isEqualTo(1);

        JsonNode history = observatoryJson("/api/v1/history?limit=200");
        assertThat(history.path("transitions")).anySatisfy(change -> {
            assertThat(change.path("check").asText()).isEqualTo("probe:peer");
            assertThat(change.path("to").asText()).isEqualTo("ok");
        });
        assertThat(history.path("alerts"))
                .anySatisfy(sent -> {
                    assertThat(sent.path("channel").asText()).isEqualTo("telegram");
                    assertThat(sent.path("delivered").asBoolean()).isTrue();
                })
                .anySatisfy(sent -> {
                    assertThat(sent.path("channel").asText()).isEqualTo("webhook");
                    assertThat(sent.path("status").asText()).isEqualTo("resolved");
                });

        // The SLO report reads the gateway's request latency from its real histogram.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode slo = observatoryJson("/api/v1/slo?window=1h");
            JsonNode request = null;
            for (JsonNode latency : slo.path("latencies")) {
                if (latency.path("name").asText().equals("gateway-request")) {
                    request = latency;
                }
            }
            assertThat(request).as(slo.toString()).isNotNull();
            assertThat(request.path("count").asLong()).isPositive();
            assertThat(request.path("p95Seconds").asDouble()).isPositive();
            assertThat(slo.at("/uptime/0/service").asText()).isEqualTo("gateway");
        });
    }

    private static JsonNode observatoryJson(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(observatory.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return EnvelopeCodec.mapper().readTree(response.body());
    }

    private static String stateOf(JsonNode checks, String id) {
        for (JsonNode check : checks) {
            if (check.path("id").asText().equals(id)) {
                return check.path("state").asText();
            }
        }
        return "absent";
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

    @Test
    void aModelTurnCallsAToolAnswersAndIsStoredWithItsToolCalls() throws Exception {
        Files.writeString(ezraWorkspace.resolve("guide.md"), "# Guide\nRead before you write.\n");
        model.enqueue(toolCalls(call("c1", "file_read", "{\"path\":\"guide.md\"}")))
                .enqueue(request -> {
                    JsonNode messages = request.path("messages");
                    assertThat(messages.get(messages.size() - 1).path("content").asText())
                            .contains("Read before you write.");
                    return text("The guide says: read before you write.");
                });

        HttpResponse<String> response =
                post("/api/v1/messages", "{\"house\":\"ezra\",\"text\":\"what does the guide say?\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode reply = EnvelopeCodec.mapper().readTree(response.body());
        assertThat(reply.path("status").asText()).isEqualTo("ok");
        assertThat(reply.path("text").asText()).isEqualTo("The guide says: read before you write.");
        String conversationId = reply.path("conversationId").asText();
        JsonNode messages = EnvelopeCodec.mapper()
                .readTree(get("/api/v1/conversations/" + conversationId).body())
                .path("messages");
        assertThat(messages).hasSize(4);
        assertThat(messages.get(1).at("/toolCalls/0/tool").asText()).isEqualTo("file_read");
        assertThat(messages.get(2).path("role").asText()).isEqualTo("tool");
        assertThat(messages.get(2).at("/toolCalls/0/outcome").asText()).isEqualTo("ok");
        assertThat(messages.get(3).path("content").asText()).isEqualTo("The guide says: read before you write.");
        assertThat(storedRows(conversationId)).isEqualTo(4);
        model.verify();
    }

    @Test
    void aSovereignCallWaitsForAnApprovalGivenOverHttpAndThenRuns() throws Exception {
        Path decision = ezraWorkspace.resolve("decision.md");
        model.enqueue(toolCalls(call("w1", "file_write", "{\"path\":\"decision.md\",\"content\":\"ship it\\n\"}")))
                .enqueue(request -> {
                    JsonNode messages = request.path("messages");
                    assertThat(messages.get(messages.size() - 1).path("content").asText())
                            .contains("approved by operator:alice");
                    return text("Recorded the decision in decision.md.");
                });

        HttpResponse<String> response =
                post("/api/v1/messages", "{\"house\":\"ezra\",\"text\":\"/mode sovereign record the decision\"}");

        // The operator hears at once that an approval is awaited; nothing has been written yet.
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode notice = EnvelopeCodec.mapper().readTree(response.body());
        assertThat(notice.path("status").asText()).isEqualTo("pending");
        assertThat(notice.path("text").asText()).contains("Waiting for approval", "file_write");
        assertThat(decision).doesNotExist();
        JsonNode pending = EnvelopeCodec.mapper()
                .readTree(send(HttpRequest.newBuilder(URI.create(timmy.baseUrl() + "/api/v1/approvals?state=pending"))))
                .path("approvals");
        assertThat(pending).hasSize(1);
        JsonNode approval = pending.get(0);
        assertThat(approval.path("house").asText()).isEqualTo("ezra");
        assertThat(approval.path("tool").asText()).isEqualTo("file_write");
        assertThat(approval.at("/arguments/path").asText()).isEqualTo("decision.md");
        assertThat(approval.at("/arguments/content").asText()).isEqualTo("ship it\n");

        String approved = send(HttpRequest.newBuilder(URI.create(timmy.baseUrl() + "/api/v1/approvals/"
                        + approval.path("id").asText() + "/approve"))
                .header("content-type", "application/json")
                .header("X-Operator", "alice")
                .POST(HttpRequest.BodyPublishers.ofString("{\"argumentsDigest\":\""
                        + approval.path("argumentsDigest").asText() + "\"}")));
        assertThat(EnvelopeCodec.mapper().readTree(approved).path("state").asText())
                .isEqualTo("approved");

        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(decision));
        assertThat(Files.readString(decision)).isEqualTo("ship it\n");
        String conversationId = notice.path("conversationId").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> storedRows(conversationId) == 4);
        JsonNode messages = EnvelopeCodec.mapper()
                .readTree(get("/api/v1/conversations/" + conversationId).body())
                .path("messages");
        assertThat(messages.get(3).path("content").asText()).isEqualTo("Recorded the decision in decision.md.");
        model.verify();
    }

    @Test
    void aHouseRemembersADecisionAndItsNextTurnCarriesTheMarker() throws Exception {
        model.enqueue(
                        toolCalls(
                                call(
                                        "m1",
                                        "remember",
                                        "{\"type\":\"decision\",\"content\":\"Long-term memory lives in PostgreSQL, not in files,"
                                                + " because the chain needs one ordered store.\",\"marker\":\"Memory lives in PostgreSQL\"}")))
                .enqueue(text("Noted: memory lives in PostgreSQL."))
                .enqueue(request -> {
                    String system =
                            request.path("messages").get(0).path("content").asText();
                    assertThat(system)
                            .contains("## Project memory (mesh)")
                            .containsPattern("\\[MEMORY MARKER] decision #\\d+ \\(\\d{4}-\\d{2}-\\d{2}, ezra\\):"
                                    + " Memory lives in PostgreSQL");
                    return text("In PostgreSQL, as we decided.");
                });

        HttpResponse<String> first =
                post("/api/v1/messages", "{\"house\":\"ezra\",\"text\":\"remember: memory lives in PostgreSQL\"}");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        HttpResponse<String> second =
                post("/api/v1/messages", "{\"house\":\"ezra\",\"text\":\"where does our memory live?\"}");
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        assertThat(EnvelopeCodec.mapper().readTree(second.body()).path("text").asText())
                .isEqualTo("In PostgreSQL, as we decided.");
        model.verify();

        ServiceProcess memory = SERVICES.get(0);
        JsonNode search = EnvelopeCodec.mapper()
                .readTree(send(HttpRequest.newBuilder(
                        URI.create(memory.baseUrl() + "/api/v1/memory/search?q=postgresql&scope=all"))));
        assertThat(search.path("hits").findValuesAsText("kind")).contains("memory", "message");
        assertThat(search.path("hits").findValuesAsText("snippet"))
                .anyMatch(snippet -> snippet.contains("«PostgreSQL»"));
        JsonNode verify = EnvelopeCodec.mapper()
                .readTree(send(HttpRequest.newBuilder(URI.create(memory.baseUrl() + "/api/v1/memory/verify"))));
        assertThat(verify.path("intact").asBoolean()).as(verify.toString()).isTrue();
        assertThat(verify.path("checkedLinks").asLong()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void aTelegramUpdateReachesTheOperatorsOwnHouseAndTheReplyComesBackThroughTheBotApi() throws Exception {
        Subjects subjects = NAMESPACE.subjects();
        String update = FakeTelegramBotApi.privateText(
                900_001, ALICE_TELEGRAM_ID, "Alice", "/tool echo text=hello-from-telegram");
        HttpResponse<String> wrongSecret =
                webhook("/webhooks/telegram", update, Map.of("X-Telegram-Bot-Api-Secret-Token", "not-the-secret"));
        assertThat(wrongSecret.statusCode()).as(wrongSecret.body()).isEqualTo(401);

        try (SubjectRecorder recorder = SubjectRecorder.watch(nats, subjects.task("ezra"))) {
            HttpResponse<String> accepted =
                    webhook("/webhooks/telegram", update, Map.of("X-Telegram-Bot-Api-Secret-Token", TELEGRAM_SECRET));
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(telegram.sentTo(String.valueOf(ALICE_TELEGRAM_ID)))
                            .extracting(TelegramSentMessage::text)
                            .contains("hello-from-telegram"));
            Envelope task = recorder.envelopesOn(subjects.task("ezra")).getFirst();
            TaskPayload payload = EnvelopeCodec.readPayload(task, TaskPayload.class);
            assertThat(payload.routedBecause()).contains("alice");
            assertThat(payload.replyPlatform()).isEqualTo("telegram");
            assertThat(task.conversationId()).isEqualTo("telegram:" + ALICE_TELEGRAM_ID);
        }
        // Only the genuine update was delivered, once.
        assertThat(telegram.sentTo(String.valueOf(ALICE_TELEGRAM_ID))).hasSize(1);
    }

    @Test
    void aSignedGiteaIssueIsTriagedLabelledAssignedCommentedAndAnsweredByTheChosenHouse() throws Exception {
        Subjects subjects = NAMESPACE.subjects();
        long number =
                gitea.addIssue("acme/app", "The docs for the gateway are stale", "Please update the docs.", "bob");
        model.enqueue(request -> text("I will rewrite the gateway docs this week."));
        String body = giteaIssueOpened(number);
        HttpResponse<String> forged = webhook(
                "/webhooks/gitea",
                body,
                Map.of(
                        "X-Gitea-Event", "issues",
                        "X-Gitea-Delivery", "e2e-delivery-forged",
                        "X-Gitea-Signature", hmac("wrong-secret", body)));
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(401);

        try (SubjectRecorder recorder = SubjectRecorder.watch(nats, subjects.task("ezra"))) {
            HttpResponse<String> accepted = webhook(
                    "/webhooks/gitea",
                    body,
                    Map.of(
                            "X-Gitea-Event", "issues",
                            "X-Gitea-Delivery", "e2e-delivery-1",
                            "X-Gitea-Signature", hmac(GITEA_SECRET, body)));
            assertThat(accepted.statusCode()).as(accepted.body()).isBetween(200, 202);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                FakeGiteaApi.FakeIssue issue = gitea.issue("acme/app", number);
                assertThat(issue.labels()).contains("documentation", "house/ezra");
                assertThat(issue.assignees()).contains("ezra-bot");
                assertThat(issue.comments())
                        .extracting(FakeGiteaApi.FakeComment::body)
                        .anyMatch(comment -> comment.startsWith("Routed to Ezra (archivist):"));
            });
            // The task reached Ezra, whose answer comes back as a comment on the issue.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                            gitea.issue("acme/app", number).comments())
                    .extracting(FakeGiteaApi.FakeComment::body)
                    .anyMatch(comment -> comment.contains("I will rewrite the gateway docs this week.")));
            Envelope task = recorder.envelopesOn(subjects.task("ezra")).getFirst();
            TaskPayload payload = EnvelopeCodec.readPayload(task, TaskPayload.class);
            assertThat(payload.replyPlatform()).isEqualTo("gitea");
            assertThat(payload.replyTo().chat()).isEqualTo("acme/app");
            assertThat(payload.replyTo().thread()).isEqualTo(String.valueOf(number));
        }
        // Gitea's redelivery of the same webhook is not triaged again.
        HttpResponse<String> again = webhook(
                "/webhooks/gitea",
                body,
                Map.of(
                        "X-Gitea-Event", "issues",
                        "X-Gitea-Delivery", "e2e-delivery-1",
                        "X-Gitea-Signature", hmac(GITEA_SECRET, body)));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(gitea.issue("acme/app", number).comments())
                .extracting(FakeGiteaApi.FakeComment::body)
                .filteredOn(comment -> comment.startsWith("Routed to"))
                .hasSize(1);
    }

    /** A Gitea {@code issues} webhook body of the shape Gitea sends when an issue is opened. */
    private static String giteaIssueOpened(long number) {
        ObjectNode root = EnvelopeCodec.mapper().createObjectNode();
        root.put("action", "opened");
        root.put("number", number);
        ObjectNode issue = root.putObject("issue");
        issue.put("id", 1000 + number);
        issue.put("number", number);
        issue.put("title", "The docs for the gateway are stale");
        issue.put("body", "Please update the docs.");
        issue.put("state", "open");
        issue.put("html_url", gitea.url() + "/acme/app/issues/" + number);
        issue.putArray("labels");
        issue.putObject("user").put("login", "bob");
        ObjectNode repository = root.putObject("repository");
        repository.put("id", 7);
        repository.put("name", "app");
        repository.put("full_name", "acme/app");
        repository.put("html_url", gitea.url() + "/acme/app");
        repository.putObject("owner").put("login", "acme");
        root.putObject("sender").put("login", "bob");
        return root.toString();
    }

    private static String hmac(String secret, String body) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpResponse<String> webhook(String path, String body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path))
                .header("content-type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response =
                HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return response.body();
    }

    private static String traceId(Envelope envelope) {
        return envelope.traceparent().substring(3, 35);
    }

    /** The router triages Gitea issues: "docs" issues go to Ezra, labelled and assigned on the fake Gitea. */
    private static Map<String, String> routerTriage() {
        return Map.of(
                "router.gitea.base-url", gitea.url(),
                "router.gitea.token", gitea.token(),
                "router.gitea.users.ezra", "ezra-bot",
                "router.triage.rules[0].name", "docs",
                "router.triage.rules[0].house", "ezra",
                "router.triage.rules[0].keywords", "docs,documentation",
                "router.triage.rules[0].add-labels", "documentation");
    }

    /** Telegram by webhook and Gitea webhooks, with the fakes as the platforms' APIs; alice's own house is ezra. */
    /**
     * The observatory watches this test's services with short intervals: a probe of the peer (failing until the test
     * heals it), alerts to the peer's webhook and to a Telegram chat through the gateway, and the gateway's request
     * latency from its real {@code /q/metrics}.
     */
    private static Map<String, String> observatoryConfig(Map<String, String> db, ServiceProcess gatewayProcess) {
        Map<String, String> config = new HashMap<>(db);
        config.put("observatory.expected-services", "gateway,router,memory,observatory,timmy,ezra");
        config.put("mesh.houses", "timmy,ezra");
        config.put("observatory.nats.monitor-url", "");
        config.put("observatory.checks.interval", "2s");
        config.put("observatory.checks.timeout", "1500ms");
        config.put("observatory.probes.peer.timeout", "1s");
        config.put("observatory.probes.peer.url", observatoryPeer.probeUrl());
        config.put("observatory.alerts.for", "2s");
        config.put("observatory.alerts.group-wait", "1s");
        config.put("observatory.alerts.group-interval", "2s");
        config.put("observatory.alerts.tick", "1s");
        config.put("observatory.notify.webhooks", observatoryPeer.webhookUrl());
        config.put("observatory.notify.chats", "telegram:" + ALERT_CHAT);
        config.put("observatory.slo.scrape-interval", "1s");
        config.put("observatory.slo.latency.gateway-request.url", gatewayProcess.baseUrl() + "/q/metrics");
        config.put("observatory.slo.latency.gateway-request.metric", "mesh_gateway_request_seconds");
        config.put("observatory.slo.latency.gateway-request.objective", "5s");
        config.put("observatory.slo.latency.gateway-webhook.url", gatewayProcess.baseUrl() + "/q/metrics");
        config.put("observatory.slo.latency.gateway-webhook.metric", "mesh_gateway_webhook_handling_seconds");
        config.put("observatory.slo.latency.gateway-webhook.objective", "2s");
        return config;
    }

    private static Map<String, String> gatewayPlatforms() {
        return Map.of(
                "gateway.operators.alice.house",
                "ezra",
                "gateway.operators.alice.identities",
                "telegram:" + ALICE_TELEGRAM_ID,
                "gateway.telegram.mode",
                "webhook",
                "gateway.telegram.bot-token",
                telegram.token(),
                "gateway.telegram.webhook-secret",
                TELEGRAM_SECRET,
                "gateway.telegram.api-url",
                telegram.url(),
                "gateway.gitea.enabled",
                "true",
                "gateway.gitea.webhook-secret",
                GITEA_SECRET,
                "gateway.gitea.base-url",
                gitea.url(),
                "gateway.gitea.token",
                gitea.token());
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

package dev.uniwizard.mesh.service.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.memory.ExpireRequest;
import dev.uniwizard.mesh.core.memory.MarkersRequest;
import dev.uniwizard.mesh.core.memory.MemoryMarkers;
import dev.uniwizard.mesh.core.memory.MemorySearchHit;
import dev.uniwizard.mesh.core.memory.MemorySearchRequest;
import dev.uniwizard.mesh.core.memory.MemorySearchResult;
import dev.uniwizard.mesh.core.memory.MemoryTypes;
import dev.uniwizard.mesh.core.memory.ProjectMemoryEntry;
import dev.uniwizard.mesh.core.memory.ProjectMemoryList;
import dev.uniwizard.mesh.core.memory.ProjectMemoryListRequest;
import dev.uniwizard.mesh.core.memory.PromoteRequest;
import dev.uniwizard.mesh.core.memory.PromoteResult;
import dev.uniwizard.mesh.core.memory.SearchScope;
import dev.uniwizard.mesh.core.payload.MessagePayload;
import dev.uniwizard.mesh.core.signing.EnvelopeSigner;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.service.messaging.RequestFailedException;
import dev.uniwizard.mesh.testkit.FakeMemory;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import dev.uniwizard.mesh.testkit.SubjectRecorder;
import dev.uniwizard.mesh.testkit.TestKeyring;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link MemoryClient} against real responders on the real NATS server, signing and verifying as memory-svc does. */
@QuarkusTest
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {
            @ResourceArg(name = "node", value = "scheduler-test"),
            @ResourceArg(name = "role", value = "service")
        })
class MemoryClientTest {

    private static final Instant AT = Instant.parse("2026-11-20T10:15:30Z");

    @Inject
    MemoryClient client;

    @Inject
    Connection connection;

    @Inject
    Subjects subjects;

    private final EnvelopeSigner memorySigner = TestKeyring.shared().signer("memory-test", NodeRole.SERVICE);
    private FakeMemory memory;

    @BeforeEach
    void answerAsMemory() {
        memory = FakeMemory.answering(connection, subjects);
    }

    @AfterEach
    void stopAnswering() {
        memory.close();
    }

    @Test
    void promotesAsASignedRequestOfTheCausesExchangeAndIsIdempotentOnTheRequestId() throws Exception {
        Envelope cause = task();
        PromoteRequest request = new PromoteRequest(
                "req-1",
                "uniwizard/mesh",
                MemoryTypes.DECISION,
                "Store memory in PostgreSQL, not in files, so it is searchable and chained.",
                "Memory lives in PostgreSQL",
                List.of("ezra"),
                cause.conversationId(),
                List.of(3L, 4L),
                0.9,
                null);

        PromoteResult first;
        PromoteResult again;
        List<Envelope> sent;
        try (SubjectRecorder requests = SubjectRecorder.watch(connection, subjects.memory(Subjects.MEMORY_PROMOTE))) {
            first = client.promote(cause, request);
            again = client.promote(cause, request);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> requests.on(subjects.memory(Subjects.MEMORY_PROMOTE))
                                    .size()
                            == 2);
            sent = requests.envelopesOn(subjects.memory(Subjects.MEMORY_PROMOTE));
        }

        assertThat(first.duplicate()).isFalse();
        ProjectMemoryEntry entry = first.entry();
        assertThat(entry.project()).isEqualTo("uniwizard/mesh");
        assertThat(entry.memoryType()).isEqualTo("decision");
        assertThat(entry.marker()).isEqualTo("Memory lives in PostgreSQL");
        assertThat(entry.houses()).containsExactly("ezra");
        assertThat(entry.sourceSeqs()).containsExactly(3L, 4L);
        assertThat(entry.relevanceScore()).isEqualTo(0.9);
        assertThat(again).isEqualTo(new PromoteResult(entry, true));
        assertThat(memory.promoteRequests()).containsExactly(request, request);
        assertThat(memory.promoted()).containsExactly(entry);
        assertThat(sent).hasSize(2).allSatisfy(envelope -> {
            assertThat(envelope.nodeId()).isEqualTo("scheduler-test");
            assertThat(envelope.kind()).isEqualTo(EnvelopeKind.TASK);
            assertThat(envelope.correlationId()).isEqualTo(cause.correlationId());
            assertThat(envelope.conversationId()).isEqualTo(cause.conversationId());
            assertThat(envelope.sig()).isNotBlank();
        });
        assertThat(sent.get(0).id()).isNotEqualTo(sent.get(1).id());
    }

    @Test
    void asksForTheMarkersOfAProjectForAHouseUpToTheLimit() throws Exception {
        List<String> lines = List.of(
                "[MEMORY MARKER] decision #12 (2026-11-20, ezra): Store memory in PostgreSQL, not files",
                "[MEMORY MARKER] pattern #13 (2026-11-21, bezalel): Run make test before every commit",
                "[MEMORY MARKER] correction #14 (2026-11-22, timmy): The gateway port is 8080, not 8000");
        memory.markers(lines);

        MemoryMarkers markers = client.markers(task(), "uniwizard/mesh", "ezra", 2);

        assertThat(markers).isEqualTo(new MemoryMarkers("uniwizard/mesh", "ezra", lines.subList(0, 2)));
        assertThat(memory.markersRequests()).containsExactly(new MarkersRequest("uniwizard/mesh", "ezra", 2));
    }

    @Test
    void searchesListsAndExpiresWithTheDocumentedShapes() throws Exception {
        ProjectMemoryEntry expired = new ProjectMemoryEntry(
                7,
                "uniwizard/mesh",
                MemoryTypes.PATTERN,
                "Retry publishes with backoff",
                "Retry publishes",
                List.of(),
                "ezra-1",
                "ezra",
                "conv-1",
                List.of(),
                AT,
                0.5,
                null,
                AT.plus(1, ChronoUnit.DAYS),
                "superseded",
                false);
        MemorySearchResult found = new MemorySearchResult(
                "postgres",
                SearchScope.MEMORY,
                List.of(new MemorySearchHit(
                        MemorySearchHit.MEMORY,
                        7,
                        "conv-1",
                        "ezra",
                        null,
                        "uniwizard/mesh",
                        MemoryTypes.PATTERN,
                        AT,
                        0.42,
                        "«postgres» is where memory lives")),
                null);
        try (Responder search = Responder.on(connection, subjects, Subjects.MEMORY_SEARCH, memorySigner, r -> found);
                Responder list = Responder.on(
                        connection,
                        subjects,
                        Subjects.MEMORY_LIST,
                        memorySigner,
                        r -> new ProjectMemoryList("uniwizard/mesh", List.of(expired)));
                Responder expire =
                        Responder.on(connection, subjects, Subjects.MEMORY_EXPIRE, memorySigner, r -> expired)) {
            MemorySearchRequest searchRequest = new MemorySearchRequest(
                    "postgres", SearchScope.MEMORY, "ezra", null, "uniwizard/mesh", null, null, 5);
            ProjectMemoryListRequest listRequest =
                    new ProjectMemoryListRequest("uniwizard/mesh", MemoryTypes.PATTERN, null, true, 10);

            assertThat(client.search(task(), searchRequest)).isEqualTo(found);
            assertThat(client.list(task(), listRequest))
                    .isEqualTo(new ProjectMemoryList("uniwizard/mesh", List.of(expired)));
            assertThat(client.expire(task(), new ExpireRequest(7, "superseded")))
                    .isEqualTo(expired);

            assertThat(search.payloads(MemorySearchRequest.class)).containsExactly(searchRequest);
            assertThat(list.payloads(ProjectMemoryListRequest.class)).containsExactly(listRequest);
            assertThat(expire.payloads(ExpireRequest.class)).containsExactly(new ExpireRequest(7, "superseded"));
        }
    }

    @Test
    void anErrorAnswerIsARefusalWithMemorysCodeAndMessage() {
        memory.refuseMarkers("bad_request", "project must not be blank");

        assertThatThrownBy(() -> client.markers(task(), " ", "ezra", 12))
                .isInstanceOfSatisfying(MemoryClient.Refused.class, refused -> {
                    assertThat(refused.op()).isEqualTo("markers");
                    assertThat(refused.code()).isEqualTo("bad_request");
                    assertThat(refused.explanation()).isEqualTo("project must not be blank");
                })
                .hasMessage("memory refused markers: bad_request: project must not be blank");
    }

    @Test
    void noAnswerAndAnAnswerNotSignedByAServiceAreFailuresButNoRefusals() {
        // FakeMemory does not answer expire requests: nobody subscribes.
        assertThatThrownBy(() -> client.expire(task(), new ExpireRequest(1, "old")))
                .isInstanceOf(RequestFailedException.class)
                .isNotInstanceOf(MemoryClient.Refused.class)
                .hasMessageContaining("no service answers on " + subjects.memory(Subjects.MEMORY_EXPIRE));

        EnvelopeSigner house = TestKeyring.shared().signer("ezra-test", NodeRole.HOUSE);
        try (Responder impostor = Responder.on(
                connection, subjects, Subjects.MEMORY_LIST, house, r -> new ProjectMemoryList("p", List.of()))) {
            assertThatThrownBy(() -> client.list(task(), new ProjectMemoryListRequest("p", null, null, false, null)))
                    .isInstanceOf(RequestFailedException.class)
                    .isNotInstanceOf(MemoryClient.Refused.class)
                    .hasMessageContaining("memory's answer to list was refused");
            assertThat(impostor.payloads(ProjectMemoryListRequest.class)).hasSize(1);
        }
    }

    /** A task as the router sends it; the client's requests belong to its exchange. */
    private static Envelope task() {
        return TestKeyring.shared()
                .signer("router-test", NodeRole.ROUTER)
                .originate(
                        EnvelopeKind.TASK,
                        "conv-" + System.nanoTime(),
                        "ezra",
                        new Sender("http", "alice", "Alice"),
                        new MessagePayload("remember this"),
                        null);
    }

    /** Answers one memory operation with a signed reply computed from the request, and keeps the requests. */
    private static final class Responder implements AutoCloseable {

        private final Connection connection;
        private final Dispatcher dispatcher;
        private final List<Envelope> received = new CopyOnWriteArrayList<>();

        private Responder(
                Connection connection,
                Subjects subjects,
                String op,
                EnvelopeSigner signer,
                Function<Envelope, Object> answer) {
            this.connection = connection;
            this.dispatcher = connection.createDispatcher();
            dispatcher.subscribe(subjects.memory(op), (Message request) -> {
                Envelope envelope = SubjectRecorder.envelope(request);
                received.add(envelope);
                Envelope reply =
                        signer.follow(envelope, "answer", EnvelopeKind.REPLY, null, answer.apply(envelope), null);
                connection.publish(request.getReplyTo(), EnvelopeCodec.toBytes(reply));
            });
            try {
                connection.flush(Duration.ofSeconds(5));
            } catch (Exception e) {
                throw new AssertionError("NATS did not confirm the subscription: " + e, e);
            }
        }

        static Responder on(
                Connection connection,
                Subjects subjects,
                String op,
                EnvelopeSigner signer,
                Function<Envelope, Object> answer) {
            return new Responder(connection, subjects, op, signer, answer);
        }

        <T> List<T> payloads(Class<T> type) {
            return received.stream().map(e -> SubjectRecorder.payload(e, type)).toList();
        }

        @Override
        public void close() {
            connection.closeDispatcher(dispatcher);
        }
    }
}

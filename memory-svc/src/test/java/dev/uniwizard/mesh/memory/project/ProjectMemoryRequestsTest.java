package dev.uniwizard.mesh.memory.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.uniwizard.mesh.core.memory.ExpireRequest;
import dev.uniwizard.mesh.core.memory.MarkersRequest;
import dev.uniwizard.mesh.core.memory.MemoryMarkers;
import dev.uniwizard.mesh.core.memory.ProjectMemoryEntry;
import dev.uniwizard.mesh.core.memory.ProjectMemoryList;
import dev.uniwizard.mesh.core.memory.ProjectMemoryListRequest;
import dev.uniwizard.mesh.core.memory.PromoteRequest;
import dev.uniwizard.mesh.core.memory.PromoteResult;
import dev.uniwizard.mesh.core.payload.ErrorPayload;
import dev.uniwizard.mesh.core.signing.EnvelopeSigner;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.service.security.EnvelopeGuard;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import dev.uniwizard.mesh.testkit.TestKeyring;
import io.nats.client.Connection;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {
            @ResourceArg(name = "node", value = "memory-test"),
            @ResourceArg(name = "role", value = "service"),
            @ResourceArg(name = "database", value = "true")
        })
class ProjectMemoryRequestsTest {

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    @Inject
    Connection connection;

    @Inject
    Subjects subjects;

    @Inject
    EnvelopeGuard guard;

    @Inject
    Jdbi jdbi;

    private final EnvelopeSigner ezra = TestKeyring.shared().signer("ezra-test", NodeRole.HOUSE);
    private final EnvelopeSigner timmy = TestKeyring.shared().signer("timmy-test", NodeRole.HOUSE);
    private final EnvelopeSigner router = TestKeyring.shared().signer("router-test", NodeRole.ROUTER);
    private SignedMemoryRequests requests;

    @BeforeEach
    void connect() {
        requests = new SignedMemoryRequests(connection, subjects, guard);
    }

    @Test
    void aHousePromotesOnceHoweverOftenItAsksAndTheEntryIsChained() throws Exception {
        String project = newProject();
        PromoteRequest promote = new PromoteRequest(
                "ezra-task-1-call-3",
                project,
                "decision",
                "Store memory in PostgreSQL, not files. Files got lost twice during restarts.",
                null,
                List.of(),
                "conv-1",
                List.of(4L, 5L),
                null,
                null);

        PromoteResult first = requests.ask(ezra, Subjects.MEMORY_PROMOTE, promote, PromoteResult.class);
        PromoteResult again = requests.ask(ezra, Subjects.MEMORY_PROMOTE, promote, PromoteResult.class);

        ProjectMemoryEntry entry = first.entry();
        assertThat(first.duplicate()).isFalse();
        assertThat(entry.id()).isPositive();
        assertThat(entry.project()).isEqualTo(project);
        assertThat(entry.memoryType()).isEqualTo("decision");
        assertThat(entry.marker()).isEqualTo("Store memory in PostgreSQL, not files");
        assertThat(entry.promotedBy()).isEqualTo("ezra-test");
        assertThat(entry.house()).isEqualTo("ezra");
        assertThat(entry.houses()).isEmpty();
        assertThat(entry.sourceConversationId()).isEqualTo("conv-1");
        assertThat(entry.sourceSeqs()).containsExactly(4L, 5L);
        assertThat(entry.relevanceScore()).isEqualTo(0.5);
        assertThat(entry.promotedAt()).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
        assertThat(entry.active()).isTrue();
        assertThat(entry.expiresAt()).isNull();
        assertThat(entry.expiredAt()).isNull();
        assertThat(again).isEqualTo(new PromoteResult(entry, true));
        assertThat(count("SELECT count(*) FROM project_memory WHERE request_id = 'ezra-task-1-call-3'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM project_memory WHERE id = " + entry.id()
                        + " AND chain_seq IS NOT NULL AND length(hash) = 32 AND length(prev_hash) = 32"))
                .isEqualTo(1);
    }

    @Test
    void aServicePromotesWithoutAHouseAndMayNameTheMarkerAndHouses() throws Exception {
        String project = newProject();
        PromoteRequest promote = new PromoteRequest(
                UUID.randomUUID().toString(),
                project,
                "pattern",
                "Long content that would give another marker.",
                "  Retry   NATS requests\n once ",
                List.of("ezra", "timmy", "ezra"),
                null,
                List.of(),
                0.9,
                Instant.now().plus(Duration.ofDays(30)));

        ProjectMemoryEntry entry = requests.ask(router, Subjects.MEMORY_PROMOTE, promote, PromoteResult.class)
                .entry();

        assertThat(entry.promotedBy()).isEqualTo("router-test");
        assertThat(entry.house()).isNull();
        assertThat(entry.marker()).isEqualTo("Retry NATS requests once");
        assertThat(entry.houses()).containsExactly("ezra", "timmy");
        assertThat(entry.relevanceScore()).isEqualTo(0.9);
        assertThat(entry.expiresAt()).isNotNull();
        assertThat(entry.active()).isTrue();
    }

    @Test
    void listsFilterByTypeHouseAndExpiryNewestFirst() throws Exception {
        String project = newProject();
        ProjectMemoryEntry forAll = promote(ezra, project, "decision", "For every house.", List.of(), 0.5);
        ProjectMemoryEntry forTimmy = promote(ezra, project, "pattern", "For Timmy only.", List.of("timmy"), 0.5);
        ProjectMemoryEntry expired = promote(ezra, project, "decision", "Expired later.", List.of(), 0.5);
        promote(ezra, newProject(), "decision", "Another project.", List.of(), 0.5);
        requests.ask(ezra, Subjects.MEMORY_EXPIRE, new ExpireRequest(expired.id(), "wrong"), ProjectMemoryEntry.class);

        assertThat(ids(list(new ProjectMemoryListRequest(project, null, null, false, null))))
                .containsExactly(forTimmy.id(), forAll.id());
        assertThat(ids(list(new ProjectMemoryListRequest(project, null, null, true, null))))
                .containsExactly(expired.id(), forTimmy.id(), forAll.id());
        assertThat(ids(list(new ProjectMemoryListRequest(project, "decision", null, true, null))))
                .containsExactly(expired.id(), forAll.id());
        assertThat(ids(list(new ProjectMemoryListRequest(project, null, "ezra", false, null))))
                .containsExactly(forAll.id());
        assertThat(ids(list(new ProjectMemoryListRequest(project, null, "timmy", false, null))))
                .containsExactly(forTimmy.id(), forAll.id());
        assertThat(ids(list(new ProjectMemoryListRequest(project, null, null, true, 1))))
                .containsExactly(expired.id());
        ProjectMemoryList listed = list(new ProjectMemoryListRequest(project, null, null, true, null));
        assertThat(listed.project()).isEqualTo(project);
        assertThat(listed.entries().getFirst().active()).isFalse();
        assertThat(listed.entries().getFirst().expiredReason()).isEqualTo("wrong");
    }

    @Test
    void expiringRecordsAChainedChangeOnceAndUnknownEntriesAreNotFound() throws Exception {
        ProjectMemoryEntry entry = promote(ezra, newProject(), "correction", "Ports start at 8080.", List.of(), 0.5);

        ProjectMemoryEntry expired = requests.ask(
                timmy, Subjects.MEMORY_EXPIRE, new ExpireRequest(entry.id(), "ports moved"), ProjectMemoryEntry.class);
        ProjectMemoryEntry again = requests.ask(
                ezra, Subjects.MEMORY_EXPIRE, new ExpireRequest(entry.id(), "again"), ProjectMemoryEntry.class);
        ErrorPayload unknown =
                requests.refused(ezra, Subjects.MEMORY_EXPIRE, new ExpireRequest(987_654_321L, "nothing"));

        assertThat(expired.active()).isFalse();
        assertThat(expired.expiredAt()).isNotNull();
        assertThat(expired.expiredReason()).isEqualTo("ports moved");
        assertThat(again).isEqualTo(expired);
        assertThat(unknown).isEqualTo(new ErrorPayload("not_found", "there is no memory entry #987654321"));
        assertThat(count("SELECT count(*) FROM project_memory_changes WHERE memory_id = " + entry.id()))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM project_memory_changes WHERE memory_id = " + entry.id()
                        + " AND change = 'expired' AND reason = 'ports moved' AND changed_by = 'timmy-test'"
                        + " AND chain_seq IS NOT NULL AND length(hash) = 32"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM project_memory p JOIN project_memory_changes c ON c.memory_id = p.id"
                        + " WHERE p.id = " + entry.id() + " AND c.chain_seq > p.chain_seq"
                        + " AND p.expired_at = c.changed_at"))
                .isEqualTo(1);
    }

    @Test
    void markersAreTheMostRelevantAndNewestActiveEntriesForTheHouse() throws Exception {
        String project = newProject();
        ProjectMemoryEntry low = promote(ezra, project, "pattern", "Low relevance.", List.of(), 0.2);
        ProjectMemoryEntry high = promote(router, project, "decision", "High relevance.", List.of(), 0.9);
        ProjectMemoryEntry olderMid = promote(ezra, project, "architecture", "Older middle.", List.of(), 0.5);
        ProjectMemoryEntry newerMid = promote(ezra, project, "decision", "Newer middle.", List.of(), 0.5);
        ProjectMemoryEntry timmyOnly = promote(ezra, project, "correction", "Timmy only.", List.of("timmy"), 1.0);
        ProjectMemoryEntry expired = promote(ezra, project, "decision", "Expired.", List.of(), 1.0);
        requests.ask(ezra, Subjects.MEMORY_EXPIRE, new ExpireRequest(expired.id(), null), ProjectMemoryEntry.class);

        MemoryMarkers forEzra = markers(new MarkersRequest(project, "ezra", null));
        MemoryMarkers forTimmy = markers(new MarkersRequest(project, "timmy", 2));

        assertThat(forEzra.project()).isEqualTo(project);
        assertThat(forEzra.house()).isEqualTo("ezra");
        assertThat(forEzra.lines())
                .containsExactly(
                        line(high, "router-test", "High relevance"),
                        line(newerMid, "ezra", "Newer middle"),
                        line(olderMid, "ezra", "Older middle"),
                        line(low, "ezra", "Low relevance"));
        assertThat(forTimmy.lines())
                .containsExactly(line(timmyOnly, "ezra", "Timmy only"), line(high, "router-test", "High relevance"));
        assertThat(markers(new MarkersRequest(project, null, 100)).lines()).hasSize(5);
        assertThat(forEzra.lines().getFirst())
                .isEqualTo("[MEMORY MARKER] decision #" + high.id() + " (" + DAY.format(high.promotedAt())
                        + ", router-test): High relevance");
    }

    @Test
    void anEntryPastItsExpiryLeavesTheMarkers() throws Exception {
        String project = newProject();
        PromoteRequest shortLived = new PromoteRequest(
                UUID.randomUUID().toString(),
                project,
                "decision",
                "Only for a moment.",
                null,
                List.of(),
                null,
                List.of(),
                null,
                Instant.now().plusSeconds(2));

        ProjectMemoryEntry entry = requests.ask(ezra, Subjects.MEMORY_PROMOTE, shortLived, PromoteResult.class)
                .entry();

        assertThat(markers(new MarkersRequest(project, "ezra", null)).lines()).hasSize(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> markers(new MarkersRequest(project, "ezra", null))
                .lines()
                .isEmpty());
        ProjectMemoryList all = list(new ProjectMemoryListRequest(project, null, null, true, null));
        assertThat(all.entries()).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo(entry.id());
            assertThat(e.active()).isFalse();
            assertThat(e.expiredAt()).isNull();
        });
        assertThat(list(new ProjectMemoryListRequest(project, null, null, false, null))
                        .entries())
                .isEmpty();
    }

    @Test
    void badPromotionsAreAnsweredWithClearErrorsAndNothingIsStored() throws Exception {
        String project = newProject();
        Map<String, PromoteRequest> bad = Map.of(
                "too_large: content is 100001 characters long, at most 100000 are stored (memory.max-content-chars)",
                promoteRequest("r-" + UUID.randomUUID(), project, "decision", "x".repeat(100_001)),
                "bad_request: requestId is required: an id for this promotion, so that sending it again keeps one"
                        + " entry",
                promoteRequest(null, project, "decision", "fine"),
                "bad_request: memoryType must be one of decision, pattern, correction, architecture; got 'fact'",
                promoteRequest("r-" + UUID.randomUUID(), project, "fact", "fine"),
                "bad_request: project is required: the project key, e.g. 'org/repo' or 'uni-wizard'",
                promoteRequest("r-" + UUID.randomUUID(), null, "decision", "fine"));

        for (Map.Entry<String, PromoteRequest> entry : bad.entrySet()) {
            ErrorPayload error = requests.refused(ezra, Subjects.MEMORY_PROMOTE, entry.getValue());
            assertThat(error.error() + ": " + error.message()).isEqualTo(entry.getKey());
        }
        assertThat(count("SELECT count(*) FROM project_memory WHERE project = '" + project + "'"))
                .isZero();
    }

    @Test
    void malformedPayloadsAreAnsweredWithAnErrorNeverATimeout() throws Exception {
        ObjectNode housesAsText = JsonNodeFactory.instance
                .objectNode()
                .put("requestId", "r-1")
                .put("project", "p")
                .put("memoryType", "decision")
                .put("content", "x")
                .put("houses", "ezra");
        ObjectNode nullHouse = housesAsText.deepCopy();
        nullHouse.putArray("houses").add("ezra").addNull();
        ObjectNode idAsText = JsonNodeFactory.instance.objectNode().put("id", "seven");
        ObjectNode includeExpiredAsList = JsonNodeFactory.instance.objectNode().put("project", "p");
        includeExpiredAsList.putArray("includeExpired");

        Map<String, Object> payloads = Map.of(
                Subjects.MEMORY_PROMOTE + " houses as text", housesAsText,
                Subjects.MEMORY_PROMOTE + " a null house", nullHouse,
                Subjects.MEMORY_EXPIRE + " id as text", idAsText,
                Subjects.MEMORY_LIST + " includeExpired as a list", includeExpiredAsList,
                Subjects.MEMORY_MARKERS + " a number", 42);
        for (Map.Entry<String, Object> payload : payloads.entrySet()) {
            String op = payload.getKey().substring(0, payload.getKey().indexOf(' '));
            ErrorPayload error = requests.refused(ezra, op, payload.getValue());
            assertThat(error.error()).as(payload.getKey()).isEqualTo("bad_request");
            assertThat(error.message()).as(payload.getKey()).startsWith("payload is not a valid ");
        }
        ErrorPayload missingId = requests.refused(ezra, Subjects.MEMORY_EXPIRE, Map.of("reason", "no id"));
        assertThat(missingId.message()).startsWith("id is required");
    }

    private ProjectMemoryEntry promote(
            EnvelopeSigner signer, String project, String type, String content, List<String> houses, double score)
            throws Exception {
        PromoteRequest request = new PromoteRequest(
                UUID.randomUUID().toString(), project, type, content, null, houses, null, List.of(), score, null);
        return requests.ask(signer, Subjects.MEMORY_PROMOTE, request, PromoteResult.class)
                .entry();
    }

    private ProjectMemoryList list(ProjectMemoryListRequest request) throws Exception {
        return requests.ask(ezra, Subjects.MEMORY_LIST, request, ProjectMemoryList.class);
    }

    private MemoryMarkers markers(MarkersRequest request) throws Exception {
        return requests.ask(ezra, Subjects.MEMORY_MARKERS, request, MemoryMarkers.class);
    }

    private static PromoteRequest promoteRequest(String requestId, String project, String type, String content) {
        return new PromoteRequest(requestId, project, type, content, null, List.of(), null, List.of(), null, null);
    }

    private static String line(ProjectMemoryEntry entry, String by, String marker) {
        return "[MEMORY MARKER] " + entry.memoryType() + " #" + entry.id() + " (" + DAY.format(entry.promotedAt())
                + ", " + by + "): " + marker;
    }

    private static List<Long> ids(ProjectMemoryList list) {
        return list.entries().stream().map(ProjectMemoryEntry::id).toList();
    }

    private int count(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    private static String newProject() {
        return "org/repo-" + UUID.randomUUID();
    }
}

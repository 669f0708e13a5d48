package dev.uniwizard.mesh.memory.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.uniwizard.mesh.core.memory.MemorySearchHit;
import dev.uniwizard.mesh.core.memory.MemorySearchRequest;
import dev.uniwizard.mesh.core.memory.MemorySearchResult;
import dev.uniwizard.mesh.core.memory.PromoteRequest;
import dev.uniwizard.mesh.core.payload.ErrorPayload;
import dev.uniwizard.mesh.core.payload.MemoryAppendRequest;
import dev.uniwizard.mesh.core.signing.EnvelopeSigner;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.memory.chain.ChainSource;
import dev.uniwizard.mesh.memory.chain.ChainWriter;
import dev.uniwizard.mesh.memory.project.ProjectMemoryStore;
import dev.uniwizard.mesh.memory.project.Promotion;
import dev.uniwizard.mesh.memory.project.Requester;
import dev.uniwizard.mesh.memory.project.SignedMemoryRequests;
import dev.uniwizard.mesh.memory.store.ConversationStore;
import dev.uniwizard.mesh.service.security.EnvelopeGuard;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import dev.uniwizard.mesh.testkit.TestKeyring;
import io.nats.client.Connection;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
class MemorySearchTest {

    private static final Instant T0 = Instant.parse("2026-02-01T10:00:00Z");

    @Inject
    Connection connection;

    @Inject
    Subjects subjects;

    @Inject
    EnvelopeGuard guard;

    @Inject
    ConversationStore conversations;

    @Inject
    ProjectMemoryStore projectMemory;

    @Inject
    Jdbi jdbi;

    @Inject
    ChainWriter chain;

    private final EnvelopeSigner ezra = TestKeyring.shared().signer("ezra-test", NodeRole.HOUSE);
    private final EnvelopeSigner router = TestKeyring.shared().signer("router-test", NodeRole.ROUTER);
    private SignedMemoryRequests requests;

    @BeforeEach
    void connect() {
        requests = new SignedMemoryRequests(connection, subjects, guard);
    }

    @Test
    void theWordsTwiceInAShortTextRankAboveOneMentionInALongText() throws Exception {
        String word = uniqueWord();
        String conversation = newConversation();
        long longText = message(
                conversation,
                "ezra",
                "We talked about many unrelated things today, the weather, lunch and the coffee machine. "
                        + "Somewhere in between the " + word + " deploy failed once. "
                        + "Then we went on about holidays, trains, the garden and the neighbours' cat for a long while.",
                T0);
        long dense = message(conversation, "ezra", word + " deploy failed, the " + word + " deploy failed again", T0);

        MemorySearchResult result = search(MemorySearchRequest.of(word + " deploy failed"));

        assertThat(result.note()).isNull();
        assertThat(result.scope()).isEqualTo("all");
        assertThat(result.hits()).extracting(MemorySearchHit::id).containsExactly(dense, longText);
        assertThat(result.hits().get(0).rank())
                .isGreaterThan(result.hits().get(1).rank());
        assertThat(result.hits()).allSatisfy(hit -> {
            assertThat(hit.kind()).isEqualTo(MemorySearchHit.MESSAGE);
            assertThat(hit.conversationId()).isEqualTo(conversation);
            assertThat(hit.house()).isEqualTo("ezra");
            assertThat(hit.role()).isEqualTo("user");
            assertThat(hit.at()).isEqualTo(T0);
        });
    }

    @Test
    void snippetsHighlightTheMatchedWordsInTheBestFragments() throws Exception {
        String word = uniqueWord();
        String filler = "plain filler words without any meaning go on and on. ".repeat(30);
        message(newConversation(), "ezra", word + " starts here. " + filler + "And " + word + " ends here.", T0);

        MemorySearchHit hit = search(MemorySearchRequest.of(word)).hits().getFirst();

        assertThat(hit.snippet())
                .contains(MemorySearchHit.HIGHLIGHT_START + word + MemorySearchHit.HIGHLIGHT_END + " starts here")
                .contains(MemorySearchHit.FRAGMENT_SEPARATOR)
                .contains(MemorySearchHit.HIGHLIGHT_START + word + MemorySearchHit.HIGHLIGHT_END + " ends here")
                .hasSizeLessThan(filler.length() / 4);
    }

    @Test
    void wordsAreFoundInAnyOfTheirForms() throws Exception {
        String word = uniqueWord();
        long failing = message(newConversation(), "ezra", "The " + word + " build was failing on Tuesday", T0);

        MemorySearchResult result = search(MemorySearchRequest.of(word + " failed"));

        assertThat(result.hits()).extracting(MemorySearchHit::id).containsExactly(failing);
        assertThat(result.hits().getFirst().snippet()).contains("«failing»").contains("«" + word + "»");
    }

    @Test
    void searchesLookThroughMessagesMemoryAndSummariesAndFilterThem() throws Exception {
        String word = uniqueWord();
        String project = "org/" + word;
        String first = newConversation();
        String second = newConversation();
        long ezraMessage = message(first, "ezra", "the " + word + " gateway restarted", T0);
        long timmyMessage = message(second, "timmy", "timmy saw the " + word + " gateway too", T0.plusSeconds(3600));
        long ezraMemory = memory(project, "Restart the " + word + " gateway nightly", "ezra", first);
        long otherMemory = memory("org/other-" + word, "The " + word + " gateway has two replicas", "timmy", null);
        long summary = summary(first, "ezra", "Ezra restarted the " + word + " gateway", T0.plusSeconds(7200));
        long expiredMemory = memory(project, "Old " + word + " gateway notes", null, null);
        projectMemory.expire(expiredMemory, "outdated", "operator:test");

        assertThat(kinds(search(MemorySearchRequest.of(word))))
                .containsExactlyInAnyOrder(
                        "message:" + ezraMessage,
                        "message:" + timmyMessage,
                        "memory:" + ezraMemory,
                        "memory:" + otherMemory,
                        "memory:" + expiredMemory,
                        "summary:" + summary);
        assertThat(kinds(search(request(word, "messages", null, null, null, null, null))))
                .containsExactlyInAnyOrder("message:" + ezraMessage, "message:" + timmyMessage);
        assertThat(kinds(search(request(word, "memory", null, null, null, null, null))))
                .containsExactlyInAnyOrder("memory:" + ezraMemory, "memory:" + otherMemory, "memory:" + expiredMemory);
        assertThat(kinds(search(request(word, "summaries", null, null, null, null, null))))
                .containsExactly("summary:" + summary);
        assertThat(kinds(search(request(word, null, "ezra", null, null, null, null))))
                .containsExactlyInAnyOrder("message:" + ezraMessage, "memory:" + ezraMemory, "summary:" + summary);
        assertThat(kinds(search(request(word, null, null, first, null, null, null))))
                .containsExactlyInAnyOrder("message:" + ezraMessage, "memory:" + ezraMemory, "summary:" + summary);
        assertThat(kinds(search(request(word, null, null, null, project, null, null))))
                .containsExactlyInAnyOrder("memory:" + ezraMemory, "memory:" + expiredMemory);
        assertThat(kinds(search(request(word, "messages", null, null, null, T0.plusSeconds(1), null))))
                .containsExactly("message:" + timmyMessage);
        assertThat(kinds(search(request(word, "messages", null, null, null, null, T0.plusSeconds(3600)))))
                .containsExactly("message:" + ezraMessage);
        MemorySearchHit memoryHit = search(request(word, null, null, null, project, null, null)).hits().stream()
                .filter(hit -> hit.id() == ezraMemory)
                .findFirst()
                .orElseThrow();
        assertThat(memoryHit.project()).isEqualTo(project);
        assertThat(memoryHit.memoryType()).isEqualTo("decision");
        assertThat(memoryHit.house()).isEqualTo("ezra");
        assertThat(memoryHit.conversationId()).isEqualTo(first);
        assertThat(memoryHit.role()).isNull();
    }

    @Test
    void theLimitKeepsTheBestHits() throws Exception {
        String word = uniqueWord();
        String conversation = newConversation();
        for (int i = 0; i < 5; i++) {
            message(conversation, "ezra", word + " number " + i, T0.plusSeconds(i));
        }
        long best = message(conversation, "ezra", word + " " + word + " " + word, T0);

        MemorySearchResult result = search(request(word, null, null, null, null, null, null, 3));

        assertThat(result.hits()).hasSize(3);
        assertThat(result.hits().getFirst().id()).isEqualTo(best);
    }

    @Test
    void textInAnyLanguageIsFound() throws Exception {
        Map<String, String> wordsByText = Map.of(
                "数据库 连接 失败 了", "数据库",
                "Сервер упал с ошибкой базы данных", "ошибкой",
                "فشل الاتصال بقاعدة البيانات", "البيانات",
                "Η σύνδεση με τη βάση απέτυχε", "βάση",
                "deploy 🚀 launched 🔥 today", "🚀 launched",
                "Ezra sagte: Datenbank läuft wieder, 数据库 OK", "läuft");
        String conversation = newConversation();
        for (String text : wordsByText.keySet()) {
            message(conversation, "ezra", text, T0);
        }

        for (Map.Entry<String, String> entry : wordsByText.entrySet()) {
            MemorySearchResult result =
                    search(new MemorySearchRequest(entry.getValue(), null, null, conversation, null, null, null, null));
            assertThat(result.hits())
                    .as("search for '%s'", entry.getValue())
                    .extracting(MemorySearchHit::snippet)
                    .anySatisfy(snippet -> assertThat(snippet).contains("«"));
        }
    }

    @Test
    void anyInputIsAnsweredWithoutAnError() throws Exception {
        String conversation = newConversation();
        message(conversation, "ezra", "select 1 from users where 1=1 or name = 'x' -- comment", T0);
        List<String> queries = List.of(
                "' OR 1=1 --",
                "a & | ! :* (",
                "'",
                "\"",
                "\"\"\"",
                "''",
                "(((",
                "x:*",
                "!!! & |",
                "--",
                "-",
                "or or or",
                "DROP TABLE messages;",
                "\\",
                "%_%",
                "$1 ? :q",
                "😀",
                "ﷺ",
                "\t\n  spaced\u3000out  ",
                "數據 OR база -ошибкой \"exact phrase\"");

        for (String query : queries) {
            MemorySearchResult result =
                    search(new MemorySearchRequest(query, null, null, conversation, null, null, null, null));
            assertThat(result.query()).isEqualTo(query);
        }
        assertThat(search(new MemorySearchRequest("' OR 1=1 --", null, null, conversation, null, null, null, null))
                        .hits())
                .hasSize(1);
        int stored = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM messages")
                .mapTo(Integer.class)
                .one());
        assertThat(stored).isPositive();
    }

    @Test
    void aQueryOfOnlyStopWordsOrPunctuationHasANoteAndNoHits() throws Exception {
        message(newConversation(), "ezra", "the one and only of them is here", T0);

        for (String query : List.of("the of and", "a & | ! :* (", "...", "😀")) {
            MemorySearchResult result = search(MemorySearchRequest.of(query));
            assertThat(result.hits()).as(query).isEmpty();
            assertThat(result.note()).as(query).isEqualTo(SearchStore.NO_SEARCHABLE_WORDS);
        }
    }

    @Test
    void aQueryThatOnlyExcludesWordsHasANoteAndNoHits() throws Exception {
        String word = uniqueWord();
        message(newConversation(), "ezra", word + " gateway restarted", T0);

        for (String query : List.of("-deploy", "the -deploy", "-" + word + " -gateway")) {
            MemorySearchResult result = search(MemorySearchRequest.of(query));
            assertThat(result.hits()).as(query).isEmpty();
            assertThat(result.note()).as(query).isEqualTo(SearchStore.ONLY_EXCLUSIONS);
        }
        assertThat(search(MemorySearchRequest.of(word + " -deploy")).hits()).hasSize(1);
        assertThat(search(MemorySearchRequest.of(word + " -gateway")).hits()).isEmpty();
    }

    @Test
    void oversizedQueriesNulCharactersAndBadValuesAreRefused() throws Exception {
        ErrorPayload tooLarge =
                requests.refused(ezra, Subjects.MEMORY_SEARCH, MemorySearchRequest.of("q".repeat(1001)));
        ErrorPayload nul = requests.refused(ezra, Subjects.MEMORY_SEARCH, MemorySearchRequest.of("nul\u0000"));
        ErrorPayload scope = requests.refused(
                ezra, Subjects.MEMORY_SEARCH, new MemorySearchRequest("x", "web", null, null, null, null, null, null));
        ErrorPayload limit = requests.refused(
                ezra, Subjects.MEMORY_SEARCH, new MemorySearchRequest("x", null, null, null, null, null, null, 101));

        assertThat(tooLarge)
                .isEqualTo(new ErrorPayload("too_large", "query is 1001 characters long, at most 1000 are allowed"));
        assertThat(nul.error()).isEqualTo("bad_request");
        assertThat(nul.message()).contains("NUL character").contains("PostgreSQL");
        assertThat(scope.message()).isEqualTo("scope must be one of all, messages, memory, summaries; got 'web'");
        assertThat(limit.message()).isEqualTo("limit must be between 1 and 100, got 101");
    }

    @Test
    void aMalformedPayloadIsAnsweredWithAnError() throws Exception {
        ObjectNode wrongTypes = JsonNodeFactory.instance.objectNode();
        wrongTypes.putArray("query").add("x");
        ObjectNode badLimit =
                JsonNodeFactory.instance.objectNode().put("query", "x").put("limit", "many");
        ObjectNode badTime =
                JsonNodeFactory.instance.objectNode().put("query", "x").put("from", "yesterday");

        for (ObjectNode payload : List.of(wrongTypes, badLimit, badTime)) {
            ErrorPayload error = requests.refused(router, Subjects.MEMORY_SEARCH, payload);
            assertThat(error.error()).as(payload.toString()).isEqualTo("bad_request");
            assertThat(error.message()).as(payload.toString()).startsWith("payload is not a valid MemorySearchRequest");
        }
        ErrorPayload text = requests.refused(router, Subjects.MEMORY_SEARCH, "just text");
        assertThat(text.error()).isEqualTo("bad_request");
    }

    private MemorySearchResult search(MemorySearchRequest request) throws Exception {
        return requests.ask(router, Subjects.MEMORY_SEARCH, request, MemorySearchResult.class);
    }

    private static List<String> kinds(MemorySearchResult result) {
        return result.hits().stream().map(hit -> hit.kind() + ":" + hit.id()).toList();
    }

    private static MemorySearchRequest request(
            String query, String scope, String house, String conversation, String project, Instant from, Instant to) {
        return request(query, scope, house, conversation, project, from, to, null);
    }

    private static MemorySearchRequest request(
            String query,
            String scope,
            String house,
            String conversation,
            String project,
            Instant from,
            Instant to,
            Integer limit) {
        return new MemorySearchRequest(query, scope, house, conversation, project, from, to, limit);
    }

    private long message(String conversation, String house, String content, Instant at) {
        return conversations
                .append(new MemoryAppendRequest(
                        conversation, UUID.randomUUID().toString(), "user", house, null, content, at))
                .seq();
    }

    private long memory(String project, String content, String house, String sourceConversation) {
        PromoteRequest request = new PromoteRequest(
                UUID.randomUUID().toString(),
                project,
                "decision",
                content,
                null,
                List.of(),
                sourceConversation,
                List.of(),
                null,
                null);
        Requester by = house == null ? Requester.operator("test") : new Requester(house + "-1", house);
        return projectMemory.promote(Promotion.of(request, by, 240)).entry().id();
    }

    /** A summary as the historian writes it, linked into the chain like every stored row. */
    private long summary(String conversation, String house, String text, Instant at) {
        return jdbi.inTransaction(h -> {
            long id = h.createQuery("""
                            INSERT INTO conversation_summaries (conversation_id, house, summary, method, first_seq,
                                                                last_seq, message_count, source_seqs, created_at)
                            VALUES (:conversation, :house, :summary, 'extractive', 1, 1, 1, '{1}', :at)
                            RETURNING id
                            """)
                    .bind("conversation", conversation)
                    .bind("house", house)
                    .bind("summary", text)
                    .bindByType("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC), OffsetDateTime.class)
                    .mapTo(Long.class)
                    .one();
            chain.link(h, ChainSource.CONVERSATION_SUMMARIES, id);
            return id;
        });
    }

    /** A word no other test uses: letters only, so every text search configuration keeps it as one word. */
    static String uniqueWord() {
        StringBuilder word = new StringBuilder("zq");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    private static String newConversation() {
        return "conv-" + UUID.randomUUID();
    }
}

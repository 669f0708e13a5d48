package dev.uniwizard.mesh.cli.memory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.uniwizard.mesh.cli.testing.CliRun;
import dev.uniwizard.mesh.cli.testing.ScriptedHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code wizard memory list | remember | expire | markers} against a real local HTTP server. */
class MemoryEntriesCommandTest {

    private static final String ENTRIES = "/api/v1/memory/entries";
    private static final String MARKER = "[MEMORY MARKER] decision #12 (2026-11-23, alice): Jdbi, not Hibernate";

    private static final String ENTRY = """
            {"id":12,"project":"org/repo","memoryType":"decision","content":"We use Jdbi, not Hibernate: plain SQL",
             "marker":"%s","houses":["ezra","bezalel"],"promotedBy":"operator:alice","house":null,
             "sourceConversationId":null,"sourceSeqs":[],"promotedAt":"2026-11-23T14:00:00.250Z",
             "relevanceScore":0.7,"expiresAt":null,"expiredAt":null,"expiredReason":null,"active":true}""".formatted(MARKER);

    private static final String EXPIRED = ENTRY.replace("\"active\":true", "\"active\":false")
            .replace("\"expiredAt\":null", "\"expiredAt\":\"2026-11-24T09:00:00Z\"")
            .replace("\"expiredReason\":null", "\"expiredReason\":\"superseded by #13\"");

    private ScriptedHttpServer memory;

    @BeforeEach
    void start() throws Exception {
        memory = new ScriptedHttpServer();
    }

    @AfterEach
    void stop() {
        memory.close();
    }

    @Test
    void listShowsAProjectsEntriesAsATable() {
        memory.answer("GET", ENTRIES, 200, """
                {"project":"org/repo","entries":[%s,
                  {"id":9,"project":"org/repo","memoryType":"pattern","content":"Run the tests\\nbefore pushing",
                   "marker":null,"houses":[],"promotedBy":"ezra-1","house":"ezra","promotedAt":"2026-11-20T10:00:00Z",
                   "relevanceScore":0.5,"active":true}]}""".formatted(ENTRY));

        CliRun run = CliRun.wizard("memory", "list", "--project", "org/repo", "--memory", memory.url());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().toList())
                .containsExactly(
                        "ID   TYPE      STATE   PROMOTED              BY              HOUSES        RELEVANCE  MARKER",
                        "#12  decision  active  2026-11-23T14:00:00Z  operator:alice  ezra,bezalel  0.70       "
                                + MARKER,
                        "#9   pattern   active  2026-11-20T10:00:00Z  ezra-1          all           0.50       "
                                + "Run the tests before pushing",
                        "2 active memory entries of org/repo");
        ScriptedHttpServer.Request request = memory.onlyRequest();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.query()).isEqualTo("project=org%2Frepo&includeExpired=false&limit=50");
    }

    @Test
    void listWithEveryFilter() {
        memory.answer("GET", ENTRIES, 200, "{\"project\":\"org/repo\",\"entries\":[%s]}".formatted(EXPIRED));

        CliRun run = CliRun.wizard(
                "memory",
                "list",
                "--project",
                "org/repo",
                "--type",
                "Decision",
                "--house",
                "ezra",
                "--all",
                "--limit",
                "1",
                "--memory",
                memory.url());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("#12  decision  expired", "1 memory decision entry of org/repo for ezra (the newest 1;");
        assertThat(memory.onlyRequest().query())
                .isEqualTo("project=org%2Frepo&type=decision&house=ezra&includeExpired=true&limit=1");
    }

    @Test
    void anEmptyListSaysSo() {
        memory.answer("GET", ENTRIES, 200, "{\"project\":\"org/other\",\"entries\":[]}");

        CliRun run = CliRun.wizard("memory", "list", "--project", "org/other", "--memory", memory.url());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().strip())
                .isEqualTo("no active memory entries of org/other (see expired ones too with --all)");
    }

    @Test
    void rememberSendsThePromotionAsTheOperator() throws Exception {
        memory.answer("POST", ENTRIES, 201, "{\"entry\":%s,\"duplicate\":false}".formatted(ENTRY));

        CliRun run = CliRun.wizard(
                "memory",
                "remember",
                "--project",
                "org/repo",
                "--type",
                "DECISION",
                "--marker",
                "Jdbi, not Hibernate",
                "--houses",
                "ezra,bezalel",
                "--relevance",
                "0.7",
                "--operator",
                "alice",
                "We use Jdbi,",
                "not Hibernate: plain SQL",
                "--memory",
                memory.url());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().toList())
                .containsExactly("remembered #12 (decision in org/repo)", "marker: " + MARKER);
        ScriptedHttpServer.Request request = memory.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo(ENTRIES);
        assertThat(request.operator()).isEqualTo("alice");
        assertThat(request.contentType()).isEqualTo("application/json");
        JsonNode body = new ObjectMapper().readTree(request.body());
        assertThat(body.has("requestId")).as(request.body()).isFalse();
        assertThat(body.get("project").asText()).isEqualTo("org/repo");
        assertThat(body.get("memoryType").asText()).isEqualTo("decision");
        assertThat(body.get("content").asText()).isEqualTo("We use Jdbi, not Hibernate: plain SQL");
        assertThat(body.get("marker").asText()).isEqualTo("Jdbi, not Hibernate");
        assertThat(body.get("houses").toString()).isEqualTo("[\"ezra\",\"bezalel\"]");
        assertThat(body.get("relevanceScore").asDouble()).isEqualTo(0.7);
        assertThat(body.has("expiresAt")).isFalse();
        assertThat(body.has("sourceConversationId")).isFalse();
    }

    @Test
    void rememberLeavesOutWhatIsNotGiven() throws Exception {
        memory.answer("POST", ENTRIES, 200, "{\"entry\":%s,\"duplicate\":true}".formatted(ENTRY));

        CliRun run = CliRun.wizard(
                "memory",
                "remember",
                "--project",
                "org/repo",
                "--type",
                "decision",
                "--operator",
                "bob",
                "use",
                "-Xmx2g",
                "for builds",
                "--memory",
                memory.url());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("already remembered #12 (decision in org/repo)");
        JsonNode body = new ObjectMapper().readTree(memory.onlyRequest().body());
        assertThat(body.get("content").asText()).isEqualTo("use -Xmx2g for builds");
        assertThat(body.has("marker")).isFalse();
        assertThat(body.has("relevanceScore")).isFalse();
        assertThat(body.get("houses").isEmpty()).isTrue();
        assertThat(memory.onlyRequest().operator()).isEqualTo("bob");
    }

    @Test
    void rememberRefusesBadInputWithoutAsking() {
        CliRun type =
                CliRun.wizard("memory", "remember", "--project", "p", "--type", "idea", "x", "--memory", memory.url());
        CliRun relevance = CliRun.wizard(
                "memory",
                "remember",
                "--project",
                "p",
                "--type",
                "decision",
                "--relevance",
                "1.5",
                "x",
                "--memory",
                memory.url());
        CliRun house = CliRun.wizard(
                "memory",
                "remember",
                "--project",
                "p",
                "--type",
                "decision",
                "--houses",
                "ezra,,bezalel",
                "x",
                "--memory",
                memory.url());
        CliRun missing = CliRun.wizard("memory", "remember", "--type", "decision", "x", "--memory", memory.url());

        assertThat(type.err()).contains("--type must be decision, pattern, correction or architecture, got 'idea'");
        assertThat(relevance.err()).contains("--relevance must be between 0 and 1, got 1.5");
        assertThat(house.err()).contains("a house in --houses is empty");
        assertThat(missing.err()).contains("Missing required option: '--project=<project>'");
        for (CliRun run : new CliRun[] {type, relevance, house, missing}) {
            assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        }
        assertThat(memory.requests()).isEmpty();
    }

    @Test
    void aRefusedPromotionExits1WithMemorysMessage() {
        memory.answer("POST", ENTRIES, 400, """
                {"error":"bad_request","message":"content must be at most 8000 characters, got 9001"}""");

        CliRun run = CliRun.wizard(
                "memory", "remember", "--project", "p", "--type", "pattern", "x", "--memory", memory.url());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains("memory refused: bad_request: content must be at most 8000 characters, got 9001 (HTTP 400)");
        assertThat(run.hasNoStackTrace()).isTrue();
    }

    @Test
    void expireSendsTheReasonAsTheOperator() {
        memory.answer("POST", ENTRIES + "/12/expire", 200, EXPIRED);

        CliRun run = CliRun.wizard(
                "memory",
                "expire",
                "#12",
                "--reason",
                "superseded by #13",
                "--operator",
                "carol",
                "--memory",
                memory.url());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().strip())
                .isEqualTo("expired #12 (decision in org/repo) at 2026-11-24T09:00:00Z: superseded by #13");
        ScriptedHttpServer.Request request = memory.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.operator()).isEqualTo("carol");
        assertThat(request.body()).isEqualTo("{\"reason\":\"superseded by #13\"}");
    }

    @Test
    void expiringAnUnknownEntryExits1() {
        memory.answer("POST", ENTRIES + "/99/expire", 404, """
                {"error":"not_found","message":"there is no memory entry #99"}""");

        CliRun run = CliRun.wizard("memory", "expire", "99", "--operator", "carol", "--memory", memory.url());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("memory refused: not_found: there is no memory entry #99 (HTTP 404)");
        assertThat(memory.onlyRequest().body()).isEqualTo("{}");
    }

    @Test
    void expireRefusesAnIdThatIsNoNumber() {
        CliRun run = CliRun.wizard("memory", "expire", "twelve", "--memory", memory.url());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("the entry id must be a whole number above 0 such as 12, got 'twelve'");
        assertThat(memory.requests()).isEmpty();
    }

    @Test
    void markersPrintsTheLinesAsTheyAre() {
        memory.answer("GET", "/api/v1/memory/markers", 200, """
                {"project":"org/repo","house":"ezra","lines":["%s",
                  "[MEMORY MARKER] pattern #9 (2026-11-20, ezra): Run the tests before pushing"]}""".formatted(MARKER));

        CliRun run = CliRun.wizard(
                "memory",
                "markers",
                "--project",
                "org/repo",
                "--house",
                "ezra",
                "--limit",
                "5",
                "--memory",
                memory.url());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().toList())
                .containsExactly(MARKER, "[MEMORY MARKER] pattern #9 (2026-11-20, ezra): Run the tests before pushing");
        assertThat(memory.onlyRequest().query()).isEqualTo("project=org%2Frepo&house=ezra&limit=5");
    }

    @Test
    void noMarkersSaysSo() {
        memory.answer("GET", "/api/v1/memory/markers", 200, "{\"project\":\"p\",\"house\":\"ezra\",\"lines\":[]}");

        CliRun run = CliRun.wizard("memory", "markers", "--project", "p", "--house", "ezra", "--memory", memory.url());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().strip()).isEqualTo("no memory markers for ezra in p");
        assertThat(memory.onlyRequest().query()).isEqualTo("project=p&house=ezra");
    }

    @Test
    void unreachableMemoryExits2ForEveryCommand() throws Exception {
        String url = "http://127.0.0.1:" + ScriptedHttpServer.unusedPort();

        CliRun list = CliRun.wizard("memory", "list", "--project", "p", "--memory", url);
        CliRun remember =
                CliRun.wizard("memory", "remember", "--project", "p", "--type", "decision", "x", "--memory", url);
        CliRun expire = CliRun.wizard("memory", "expire", "1", "--memory", url);
        CliRun markers = CliRun.wizard("memory", "markers", "--project", "p", "--house", "ezra", "--memory", url);
        CliRun search = CliRun.wizard("memory", "search", "x", "--memory", url);

        for (CliRun run : new CliRun[] {list, remember, expire, markers, search}) {
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("memory not reachable at " + url);
            assertThat(run.hasNoStackTrace()).isTrue();
        }
    }
}

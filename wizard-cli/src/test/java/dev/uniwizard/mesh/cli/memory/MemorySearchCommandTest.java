package dev.uniwizard.mesh.cli.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.cli.testing.CliRun;
import dev.uniwizard.mesh.cli.testing.ScriptedHttpServer;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MemorySearchCommandTest {

    private static final String SEARCH = "/api/v1/memory/search";

    private static final String HITS = """
            {"query":"Gedächtnis","scope":"all","note":null,"hits":[
              {"kind":"message","id":42,"conversationId":"conv-7","house":"ezra","role":"user","project":null,
               "memoryType":null,"at":"2026-11-23T14:00:00.123Z","rank":0.61,
               "snippet":"wir speichern das «Gedächtnis» in PostgreSQL … das «Gedächtnis» ist eine Kette"},
              {"kind":"memory","id":3,"conversationId":"conv-7","house":"ezra","role":null,"project":"org/repo",
               "memoryType":"decision","at":"2026-11-20T10:00:00Z","rank":0.4,
               "snippet":"«Gedächtnis» lebt in PostgreSQL"},
              {"kind":"summary","id":5,"conversationId":"conv-9","house":"bezalel","role":null,"project":null,
               "memoryType":null,"at":"2026-11-21T09:30:00Z","rank":0.1,
               "snippet":"line one about «Gedächtnis»\\nline two"}
            ]}""";

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
    void everyHitIsABlockWithItsSnippetAndHighlights() {
        memory.answer("GET", SEARCH, 200, HITS);

        CliRun run = CliRun.wizard("memory", "search", "Gedächtnis", "--memory", memory.url());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().toList())
                .containsExactly(
                        "message #42  conversation conv-7  ezra/user  2026-11-23T14:00:00Z",
                        "  wir speichern das «Gedächtnis» in PostgreSQL … das «Gedächtnis» ist eine Kette",
                        "",
                        "memory #3  conversation conv-7  decision in org/repo by ezra  2026-11-20T10:00:00Z",
                        "  «Gedächtnis» lebt in PostgreSQL",
                        "",
                        "summary #5  conversation conv-9  bezalel  2026-11-21T09:30:00Z",
                        "  line one about «Gedächtnis»",
                        "  line two",
                        "",
                        "3 hits for \"Gedächtnis\" (scope all)");
        assertThat(memory.onlyRequest().parameters())
                .containsExactly(Map.entry("q", "Gedächtnis"), Map.entry("scope", "all"));
    }

    @Test
    void theQueryAndEveryFilterAreSentPercentEncodedAsUtf8() {
        memory.answer("GET", SEARCH, 200, "{\"query\":\"x\",\"scope\":\"memory\",\"hits\":[],\"note\":null}");

        CliRun run = CliRun.wizard(
                "memory",
                "search",
                "Gedächtnis",
                "\"über alles\"",
                "c++",
                "-hibernate",
                "--scope",
                "MEMORY",
                "--house",
                "ezra",
                "--conversation",
                "conv 7",
                "--project",
                "org/repo",
                "--from",
                "2026-11-01T00:00:00Z",
                "--to",
                "2026-12-01T00:00:00Z",
                "--limit",
                "5",
                "--memory",
                memory.url());

        assertThat(run.exitCode()).as(run.err()).isZero();
        ScriptedHttpServer.Request request = memory.onlyRequest();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo(SEARCH);
        assertThat(request.query())
                .isEqualTo("q=Ged%C3%A4chtnis%20%22%C3%BCber%20alles%22%20c%2B%2B%20-hibernate&scope=memory&house=ezra"
                        + "&conversation=conv%207&project=org%2Frepo&from=2026-11-01T00%3A00%3A00Z"
                        + "&to=2026-12-01T00%3A00%3A00Z&limit=5");
        assertThat(request.parameters()).containsEntry("q", "Gedächtnis \"über alles\" c++ -hibernate");
    }

    @Test
    void noHitsPrintsMemorysNote() {
        memory.answer("GET", SEARCH, 200, """
                {"query":"the of","scope":"all","hits":[],
                 "note":"the query has no searchable words: only stop words or punctuation"}""");

        CliRun run = CliRun.wizard("memory", "search", "the", "of", "--memory", memory.url());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().toList())
                .containsExactly(
                        "no hits for \"the of\" (scope all)",
                        "the query has no searchable words: only stop words or punctuation");
    }

    @Test
    void aFullPageSaysThereMayBeMore() {
        memory.answer("GET", SEARCH, 200, HITS);

        CliRun run = CliRun.wizard("memory", "search", "Gedächtnis", "--limit", "3", "--memory", memory.url());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("3 hits for \"Gedächtnis\" (scope all), the best 3; see more with --limit");
    }

    @Test
    void badFiltersAreRefusedWithoutAsking() {
        CliRun scope = CliRun.wizard("memory", "search", "x", "--scope", "files", "--memory", memory.url());
        CliRun from = CliRun.wizard("memory", "search", "x", "--from", "yesterday", "--memory", memory.url());
        CliRun order = CliRun.wizard(
                "memory",
                "search",
                "x",
                "--from",
                "2026-12-01T00:00:00Z",
                "--to",
                "2026-11-01T00:00:00Z",
                "--memory",
                memory.url());
        CliRun limit = CliRun.wizard("memory", "search", "x", "--limit", "0", "--memory", memory.url());
        CliRun typo = CliRun.wizard("memory", "search", "x", "--scop", "memory", "--memory", memory.url());
        CliRun empty = CliRun.wizard("memory", "search", " ", "--memory", memory.url());

        assertThat(scope.err()).contains("--scope must be all, messages, memory or summaries, got 'files'");
        assertThat(from.err())
                .contains("--from must be an ISO-8601 instant such as 2026-01-31T12:00:00Z, got 'yesterday'");
        assertThat(order.err()).contains("--from 2026-12-01T00:00:00Z is not before --to 2026-11-01T00:00:00Z");
        assertThat(limit.err()).contains("--limit must be at least 1, got 0");
        assertThat(typo.err()).contains("unknown option '--scop'");
        assertThat(empty.err()).contains("the query is empty");
        for (CliRun run : new CliRun[] {scope, from, order, limit, typo, empty}) {
            assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        }
        assertThat(memory.requests()).isEmpty();
    }

    @Test
    void aRefusedSearchExits1WithMemorysMessage() {
        memory.answer("GET", SEARCH, 400, """
                {"error":"bad_request","message":"house must be a house name, got 'Ezra!'"}""");

        CliRun run = CliRun.wizard("memory", "search", "x", "--house", "Ezra!", "--memory", memory.url());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .isEqualTo("error: memory refused: bad_request: house must be a house name, got 'Ezra!' (HTTP 400)"
                        + System.lineSeparator());
        assertThat(run.out()).isEmpty();
    }
}

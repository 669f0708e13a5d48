package dev.uniwizard.mesh.cli.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.cli.testing.CliRun;
import dev.uniwizard.mesh.cli.testing.ScriptedHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApprovalsCommandTest {

    private static final String ID = "01a208d3-a554-7a88-af59-eba080f6c2e3";
    private static final String DIGEST = "sha256:9f2c";

    private static final String PENDING = """
            {"id":"%s","house":"ezra","tool":"file_write",
             "arguments":{"path":"docs/guide.md","content":"# Guide\\nline two"},
             "argumentsDigest":"%s","reason":"the operator asked for a guide","conversationId":"conv-7",
             "correlationId":"corr-7","requestedByNode":"ezra-1",
             "requestedFor":{"platform":"http","userId":"alice","displayName":"Alice"},
             "state":"pending","decidedBy":null,"note":null,
             "requestedAt":"2026-11-23T14:00:00.123Z","expiresAt":"2026-11-23T14:10:00Z","decidedAt":null,
             "history":[{"seq":1,"state":"pending","actor":"house:ezra (node ezra-1)","note":null,
                         "at":"2026-11-23T14:00:00.123Z"}]}""".formatted(ID, DIGEST);

    private ScriptedHttpServer timmy;

    @BeforeEach
    void start() throws Exception {
        timmy = new ScriptedHttpServer();
    }

    @AfterEach
    void stop() {
        timmy.close();
    }

    @Test
    void listShowsPendingRequestsAsATable() {
        timmy.answer("GET", "/api/v1/approvals", 200, """
                {"state":"pending","count":2,"approvals":[
                  {"id":"a-2","house":"bezalel","tool":"git_push","arguments":{"repo":"mesh/core"},
                   "state":"pending","requestedAt":"2026-11-23T14:05:00.999Z","expiresAt":"2026-11-23T14:15:00Z"},
                  {"id":"a-1","house":"ezra","tool":"file_write","arguments":{"path":"docs/guide.md"},
                   "state":"pending","requestedAt":"2026-11-23T14:00:00Z","expiresAt":"2026-11-23T14:10:00Z"}
                ]}""");

        CliRun run = CliRun.wizard("approvals", "list", "--timmy", timmy.url());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().toList())
                .containsExactly(
                        "ID   STATE    HOUSE    TOOL        TARGET         REQUESTED             EXPIRES"
                                + "               DECIDED BY",
                        "a-2  pending  bezalel  git_push    mesh/core      2026-11-23T14:05:00Z  2026-11-23T14:15:00Z  -",
                        "a-1  pending  ezra     file_write  docs/guide.md  2026-11-23T14:00:00Z  2026-11-23T14:10:00Z  -",
                        "2 pending approvals");
        ScriptedHttpServer.Request request = timmy.onlyRequest();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.query()).isEqualTo("state=pending&limit=50");
    }

    @Test
    void listAllWithALimitAndNothingToShow() {
        timmy.answer("GET", "/api/v1/approvals", 200, "{\"state\":\"all\",\"count\":0,\"approvals\":[]}");

        CliRun run = CliRun.wizard("approvals", "list", "--state", "ALL", "--limit", "5", "--timmy", timmy.url());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().strip()).isEqualTo("no approvals");
        assertThat(timmy.onlyRequest().query()).isEqualTo("state=all&limit=5");
    }

    @Test
    void listRefusesAnUnknownStateWithoutAsking() {
        CliRun run = CliRun.wizard("approvals", "list", "--state", "maybe", "--timmy", timmy.url());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--state must be pending, approved, denied, expired or all, got 'maybe'");
        assertThat(timmy.requests()).isEmpty();
    }

    @Test
    void showPrintsEveryDetailAndTheArgumentsInFull() {
        timmy.answer("GET", "/api/v1/approvals/" + ID, 200, PENDING);

        CliRun run = CliRun.wizard("approvals", "show", ID, "--timmy", timmy.url());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains(
                        "approval      " + ID,
                        "state         pending",
                        "house         ezra (node ezra-1)",
                        "tool          file_write",
                        "reason        the operator asked for a guide",
                        "requested     2026-11-23T14:00:00Z for Alice (http/alice)",
                        "expires       2026-11-23T14:10:00Z",
                        "digest        " + DIGEST,
                        "arguments:",
                        "\"path\" : \"docs/guide.md\"",
                        "\"content\" : \"# Guide\\nline two\"",
                        "history:",
                        "2026-11-23T14:00:00Z  pending  house:ezra (node ezra-1)",
                        "decide: wizard approvals approve " + ID + " --digest " + DIGEST)
                .doesNotContain("decided ");
    }

    @Test
    void showOfAnUnknownRequestExitsWith2AndTimmysMessage() {
        timmy.answer("GET", "/api/v1/approvals/nope", 404, """
                {"error":"not_found","message":"there is no approval request 'nope'"}""");

        CliRun run = CliRun.wizard("approvals", "show", "nope", "--timmy", timmy.url());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("showing approval nope failed (HTTP 404): not_found: there is no approval request 'nope'");
        assertThat(run.hasNoStackTrace()).isTrue();
    }

    @Test
    void approveSendsTheOperatorTheNoteAndTheDigest() {
        timmy.answer(
                "POST",
                "/api/v1/approvals/" + ID + "/approve",
                200,
                PENDING.replace("\"state\":\"pending\"", "\"state\":\"approved\"")
                        .replace("\"decidedBy\":null", "\"decidedBy\":\"operator:alice\""));

        CliRun run = CliRun.wizard(
                "approvals",
                "approve",
                ID,
                "--note",
                "looks right",
                "--digest",
                DIGEST,
                "--operator",
                "alice",
                "--timmy",
                timmy.url());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().strip()).isEqualTo("approved " + ID + ": ezra may run file_write (by operator:alice)");
        ScriptedHttpServer.Request request = timmy.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.operator()).isEqualTo("alice");
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.body()).isEqualTo("{\"note\":\"looks right\",\"argumentsDigest\":\"" + DIGEST + "\"}");
    }

    @Test
    void denySendsOnlyTheNote() {
        timmy.answer(
                "POST",
                "/api/v1/approvals/" + ID + "/deny",
                200,
                PENDING.replace("\"state\":\"pending\"", "\"state\":\"denied\"")
                        .replace("\"decidedBy\":null", "\"decidedBy\":\"operator:bob\""));

        CliRun run = CliRun.wizard("approvals", "deny", ID, "--operator", "bob", "--timmy", timmy.url());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().strip()).isEqualTo("denied " + ID + ": ezra will not run file_write (by operator:bob)");
        assertThat(timmy.onlyRequest().body()).isEqualTo("{}");
        assertThat(timmy.onlyRequest().operator()).isEqualTo("bob");
    }

    @Test
    void aRequestThatCanNoLongerBeDecidedExitsWith2() {
        timmy.answer("POST", "/api/v1/approvals/" + ID + "/approve", 409, """
                {"error":"already_decided","message":"approval %s is already denied (by operator:bob)",
                 "state":"denied"}""".formatted(ID));

        CliRun run = CliRun.wizard("approvals", "approve", ID, "--operator", "alice", "--timmy", timmy.url());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("approval " + ID + " cannot be approved, it is denied (HTTP 409): already_decided:"
                        + " approval " + ID + " is already denied (by operator:bob)");
    }

    @Test
    void aDigestMismatchIsReported() {
        timmy.answer("POST", "/api/v1/approvals/" + ID + "/approve", 409, """
                {"error":"digest_mismatch","message":"approval is for arguments sha256:aaaa, not the sha256:bbbb you decided on",
                 "state":"pending"}""");

        CliRun run = CliRun.wizard(
                "approvals", "approve", ID, "--digest", "sha256:bbbb", "--operator", "alice", "--timmy", timmy.url());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains(
                        "approval " + ID + " cannot be approved (HTTP 409): digest_mismatch:",
                        "not the sha256:bbbb you decided on");
    }

    @Test
    void anUnknownRequestCannotBeDenied() {
        CliRun run = CliRun.wizard("approvals", "deny", "gone", "--operator", "bob", "--timmy", timmy.url());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("approval gone not found (HTTP 404)");
    }

    @Test
    void aBadRequestShowsTimmysMessage() {
        timmy.answer("POST", "/api/v1/approvals/" + ID + "/approve", 400, """
                {"error":"bad_operator","message":"the X-Operator header must be 1-64 letters"}""");

        CliRun run = CliRun.wizard("approvals", "approve", ID, "--operator", "a b", "--timmy", timmy.url());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("(HTTP 400): bad_operator: the X-Operator header must be 1-64 letters");
    }

    @Test
    void unreachableTimmyExitsWith2() throws Exception {
        String url = "http://127.0.0.1:" + ScriptedHttpServer.unusedPort();

        CliRun run = CliRun.wizard("approvals", "list", "--timmy", url);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("timmy not reachable at " + url);
        assertThat(run.hasNoStackTrace()).isTrue();
    }

    @Test
    void aBadUrlIsRefused() {
        CliRun run = CliRun.wizard("approvals", "list", "--timmy", "localhost:8085");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("timmy URL 'localhost:8085' is not valid");
    }

    @Test
    void everyCommandHasHelpAndTheDefaultUrlIsShown() {
        for (String command : new String[] {"list", "show", "approve", "deny"}) {
            CliRun run = CliRun.wizard("approvals", command, "--help");

            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).startsWith("Usage: wizard approvals " + command);
            assertThat(run.out()).contains("--timmy", "WIZARD_TIMMY_URL");
        }
        assertThat(CliRun.wizard("approvals", "approve", "--help").out()).contains("--operator", "--digest");
        assertThat(CliRun.wizard("approvals", "deny", "--help").out()).doesNotContain("--digest");
        CliRun missing = CliRun.wizard("approvals");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("missing command: list, show, approve or deny");
    }
}

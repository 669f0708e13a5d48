package dev.uniwizard.mesh.cli.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.cli.testing.CliRun;
import dev.uniwizard.mesh.cli.testing.ScriptedHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MemoryVerifyCommandTest {

    private static final String VERIFY = "/api/v1/memory/verify";
    private static final String HEAD = "3fa2c1d09e8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a29";
    private static final String EXPECTED = "aa11aa11aa11aa11aa11aa11aa11aa11aa11aa11aa11aa11aa11aa11aa11aa11";
    private static final String STORED = "bb22bb22bb22bb22bb22bb22bb22bb22bb22bb22bb22bb22bb22bb22bb22bb22";

    private static final String INTACT = """
            {"intact":true,"checkedLinks":1508,"prunedLinks":12,"headSeq":1520,"headHash":"%s","firstBreak":null,
             "checkpoints":{"checked":4,"lastChainSeq":1500,"lastSignedAt":"2026-11-23T14:00:00.123Z",
                            "lastSignedBy":"memory-1","problem":null},
             "verifiedAt":"2026-11-23T14:05:00.5Z"}""".formatted(HEAD);

    private static final String BROKEN = """
            {"intact":false,"checkedLinks":16,"prunedLinks":0,"headSeq":40,"headHash":"%s",
             "firstBreak":{"chainSeq":17,"source":"messages","key":"42","problem":"the row differs from its hash",
                           "expectedHash":"%s","storedHash":"%s"},
             "checkpoints":{"checked":1,"lastChainSeq":10,"lastSignedAt":"2026-11-23T13:00:00Z",
                            "lastSignedBy":"memory-1","problem":null},
             "verifiedAt":"2026-11-23T14:05:00Z"}""".formatted(HEAD, EXPECTED, STORED);

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
    void anIntactChainIsOneLineAndExits0() {
        memory.answer("GET", VERIFY, 200, INTACT);

        CliRun run = CliRun.wizard("memory", "verify", "--memory", memory.url());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().toList())
                .containsExactly("chain intact: 1508 links checked (12 pruned), head #1520 3fa2c1d09e8b,"
                        + " 4 checkpoints, last #1500 signed by memory-1 at 2026-11-23T14:00:00Z");
        assertThat(memory.onlyRequest().method()).isEqualTo("GET");
        assertThat(memory.onlyRequest().path()).isEqualTo(VERIFY);
    }

    @Test
    void anEmptyChainWithoutCheckpointsIsIntact() {
        memory.answer("GET", VERIFY, 200, """
                {"intact":true,"checkedLinks":0,"prunedLinks":0,"headSeq":0,"headHash":null,"firstBreak":null,
                 "checkpoints":{"checked":0,"lastChainSeq":null,"lastSignedAt":null,"lastSignedBy":null,"problem":null},
                 "verifiedAt":"2026-11-23T14:05:00Z"}""");

        CliRun run = CliRun.wizard("memory", "verify", "--memory", memory.url());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().strip())
                .isEqualTo("chain intact: 0 links checked (0 pruned), no head yet, no checkpoints yet");
    }

    @Test
    void aBrokenChainNamesTheFirstBrokenLinkWithBothHashesAndExits1() {
        memory.answer("GET", VERIFY, 200, BROKEN);

        CliRun run = CliRun.wizard("memory", "verify", "--memory", memory.url());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out().lines().toList())
                .containsExactly(
                        "chain BROKEN at link #17 (messages 42): the row differs from its hash",
                        "  expected hash  " + EXPECTED,
                        "  stored hash    " + STORED,
                        "  walked         16 links checked (0 pruned), head #40 3fa2c1d09e8b, at 2026-11-23T14:05:00Z");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aCheckpointThatDoesNotHoldBreaksTheChainToo() {
        memory.answer(
                "GET",
                VERIFY,
                200,
                INTACT.replace("\"intact\":true", "\"intact\":false")
                        .replace(
                                "\"problem\":null",
                                "\"problem\":\"checkpoint #1500 is signed by unknown node mallory-1\""));

        CliRun run = CliRun.wizard("memory", "verify", "--memory", memory.url());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .startsWith("chain BROKEN: a checkpoint does not hold: checkpoint #1500 is signed by unknown node"
                        + " mallory-1\n");
    }

    @Test
    void jsonPrintsTheReportAsItCameAndTheExitCodeStillTells() {
        memory.answer("GET", VERIFY, 200, BROKEN);

        CliRun run = CliRun.wizard("memory", "verify", "--json", "--memory", memory.url());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEqualTo(BROKEN.strip() + System.lineSeparator());
    }

    @Test
    void aVerificationMemoryCannotDoExits2NotLikeABrokenChain() {
        memory.answer("GET", VERIFY, 503, """
                {"error":"store_unavailable","message":"the memory store is unavailable; try again later"}""");

        CliRun run = CliRun.wizard("memory", "verify", "--memory", memory.url());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains(
                        "memory refused: store_unavailable: the memory store is unavailable; try again later (HTTP 503)")
                .doesNotContain("BROKEN");
        assertThat(run.out()).isEmpty();
        assertThat(run.hasNoStackTrace()).isTrue();
    }

    @Test
    void anAnswerThatIsNoChainReportExits2() {
        memory.answer("GET", VERIFY, 200, "{\"intact\":\"maybe\"}");

        CliRun run = CliRun.wizard("memory", "verify", "--memory", memory.url());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("memory answered HTTP 200 with no ChainReport", "{\"intact\":\"maybe\"}");
        assertThat(run.hasNoStackTrace()).isTrue();
    }

    @Test
    void unreachableMemoryExits2() throws Exception {
        String url = "http://127.0.0.1:" + ScriptedHttpServer.unusedPort();

        CliRun run = CliRun.wizard("memory", "verify", "--memory", url);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("memory not reachable at " + url);
        assertThat(run.hasNoStackTrace()).isTrue();
    }
}

package dev.uniwizard.mesh.house.bezalel;

import static dev.uniwizard.mesh.testkit.llm.ScriptedChatServer.call;
import static dev.uniwizard.mesh.testkit.llm.ScriptedChatServer.text;
import static dev.uniwizard.mesh.testkit.llm.ScriptedChatServer.toolCalls;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.house.contract.HouseAgentResource;
import dev.uniwizard.mesh.house.contract.HouseAgentTest;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;

/**
 * Bezalel in INTELLIGENT mode against a scripted model, real NATS, a real git repository and a real proof command:
 * the proof-required gate, and a circuit breaker opening on a failing tool.
 */
@QuarkusTest
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {@ResourceArg(name = "node", value = "bezalel-test"), @ResourceArg(name = "role", value = "house")})
@WithTestResource(
        value = HouseAgentResource.class,
        initArgs = @ResourceArg(name = "proof-command", value = "grep -q fixed app.txt"))
class BezalelAgentTest extends HouseAgentTest {

    @Override
    protected String house() {
        return "bezalel";
    }

    @Test
    void refusesToCommitWithoutAPassingProofAndCommitsAfterOne() throws Exception {
        Path workspace = workspace();
        try (Git git = Git.init()
                .setDirectory(workspace.toFile())
                .setInitialBranch("main")
                .call()) {
            Files.writeString(workspace.resolve("app.txt"), "broken\n");
            git.add().addFilepattern("app.txt").call();
            git.commit()
                    .setMessage("Start")
                    .setAuthor("Test", "test@example.org")
                    .setSign(false)
                    .call();
        }
        String commit = "{\"message\":\"Fix app\"}";
        model().enqueue(toolCalls(call("w1", "file_write", "{\"path\":\"app.txt\",\"content\":\"still broken\\n\"}")))
                .enqueue(toolCalls(call("t1", "run_tests", "{}")))
                .enqueue(request -> {
                    assertThat(lastContent(request)).startsWith("failed:");
                    return toolCalls(call("c1", "git_commit", commit));
                })
                .enqueue(request -> {
                    assertThat(lastContent(request))
                            .startsWith("refused: Refused by the proof-required gate")
                            .contains("the last run_tests failed");
                    return toolCalls(call("w2", "file_write", "{\"path\":\"app.txt\",\"content\":\"fixed\\n\"}"));
                })
                .enqueue(toolCalls(call("c2", "git_commit", commit)))
                .enqueue(request -> {
                    assertThat(lastContent(request)).contains("'app.txt' was changed after the last run_tests");
                    return toolCalls(call("t2", "run_tests", "{}"));
                })
                .enqueue(toolCalls(call("c3", "git_commit", commit)))
                .enqueue(text("Fixed app.txt; run_tests passed; committed."));

        Envelope message = send("fix app.txt and commit it");

        assertThat(finalReply(message).text()).isEqualTo("Fixed app.txt; run_tests passed; committed.");
        assertThat(toolOutcomes(message)).containsExactly("ok", "failed", "refused", "ok", "refused", "ok", "ok");
        try (Git git = Git.open(workspace.toFile())) {
            RevCommit head = git.log().setMaxCount(1).call().iterator().next();
            assertThat(head.getFullMessage()).startsWith("Fix app");
            assertThat(head.getAuthorIdent().getName()).isEqualTo("Bezalel, the artificer");
        }
        model().verify();
    }

    @Test
    void aToolThatKeepsFailingIsCutOffByItsCircuitBreaker() throws Exception {
        AtomicInteger hits = new AtomicInteger();
        HttpServer failing = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        failing.createContext("/", exchange -> {
            hits.incrementAndGet();
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        failing.start();
        try {
            String get = "{\"url\":\"http://127.0.0.1:" + failing.getAddress().getPort() + "/status\"}";
            model().enqueue(toolCalls(
                            call("g1", "http_get", get), call("g2", "http_get", get), call("g3", "http_get", get)))
                    .enqueue(toolCalls(call("g4", "http_get", get)))
                    .enqueue(request -> {
                        assertThat(lastContent(request))
                                .startsWith("unavailable: Tool 'http_get' is unavailable")
                                .contains("circuit breaker is open");
                        return text("The status service keeps failing; I stopped calling it.");
                    });

            Envelope message = send("check the status service");

            assertThat(finalReply(message).text()).contains("I stopped calling it");
            assertThat(toolOutcomes(message)).containsExactly("error", "error", "error", "unavailable");
            assertThat(hits)
                    .as("3 calls x 2 attempts, none after the breaker opened")
                    .hasValue(6);
            model().verify();
        } finally {
            failing.stop(0);
        }
    }
}

package dev.uniwizard.mesh.house.timmy;

import static dev.uniwizard.mesh.testkit.llm.ScriptedChatServer.call;
import static dev.uniwizard.mesh.testkit.llm.ScriptedChatServer.text;
import static dev.uniwizard.mesh.testkit.llm.ScriptedChatServer.toolCalls;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.payload.ReplyPayload;
import dev.uniwizard.mesh.house.contract.HouseAgentResource;
import dev.uniwizard.mesh.house.contract.HouseAgentTest;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Timmy in SOVEREIGN mode asks its own approval authority: a side-effecting call waits, the operator denies it over
 * the HTTP API, the call does not run and the model is told who denied it and why.
 */
@QuarkusTest
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {
            @ResourceArg(name = "node", value = "timmy-test"),
            @ResourceArg(name = "role", value = "house"),
            @ResourceArg(name = "database", value = "true")
        })
@WithTestResource(HouseAgentResource.class)
class TimmyAgentTest extends HouseAgentTest {

    @Override
    protected String house() {
        return "timmy";
    }

    @Test
    void aDeniedCallDoesNotRunAndTheModelHearsWhoDeniedIt() {
        model().enqueue(toolCalls(call("w1", "file_write", "{\"path\":\"plan.md\",\"content\":\"go\"}")))
                .enqueue(request -> {
                    assertThat(lastContent(request))
                            .startsWith("not_approved: The call to file_write was denied by operator:bob")
                            .contains("(note: not before the review)", "Nothing was run.");
                    return text("The operator denied writing the plan; nothing was written.");
                });
        Envelope message = send("write the plan");

        await().atMost(Duration.ofSeconds(10)).until(() -> !repliesTo(message).isEmpty());
        assertThat(repliesTo(message).getFirst().status()).isEqualTo(ReplyPayload.PENDING);
        String id = given().queryParam("state", "pending")
                .get("/api/v1/approvals")
                .then()
                .statusCode(200)
                .extract()
                .path("approvals[0].id");
        given().header("X-Operator", "bob")
                .contentType("application/json")
                .body("{\"note\":\"not before the review\"}")
                .post("/api/v1/approvals/" + id + "/deny")
                .then()
                .statusCode(200);

        assertThat(finalReply(message))
                .isEqualTo(ReplyPayload.ok("timmy", "The operator denied writing the plan; nothing was written."));
        assertThat(repliesTo(message)).hasSize(2);
        assertThat(workspace().resolve("plan.md")).doesNotExist();
        model().verify();
    }
}

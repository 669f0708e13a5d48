package dev.uniwizard.mesh.memory.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.payload.MemoryAppendRequest;
import dev.uniwizard.mesh.core.signing.NodeKey;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.memory.chain.CheckpointSignature;
import dev.uniwizard.mesh.memory.store.ConversationStore;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import dev.uniwizard.mesh.testkit.TestKeyring;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The chain's HTTP API. The class has a database of its own and runs its tests in order: the first sees the empty
 * chain.
 */
@QuarkusTest
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {
            @ResourceArg(name = "node", value = "memory-test"),
            @ResourceArg(name = "role", value = "service"),
            @ResourceArg(name = "database", value = "true")
        },
        scope = TestResourceScope.RESTRICTED_TO_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChainResourceTest {

    private static final NodeKey MEMORY_TEST = TestKeyring.shared().key("memory-test", NodeRole.SERVICE);
    private static final String GENESIS = "0".repeat(64);

    @Inject
    ConversationStore store;

    @Inject
    Jdbi jdbi;

    @Test
    @Order(1)
    void theEmptyChainVerifiesAndCanBeSigned() {
        given().when()
                .get("/api/v1/memory/verify")
                .then()
                .statusCode(200)
                .body("intact", equalTo(true))
                .body("headSeq", equalTo(0))
                .body("headHash", equalTo(GENESIS))
                .body("checkedLinks", equalTo(0))
                .body("checkpoints.checked", equalTo(0))
                .body("checkpoints.lastChainSeq", nullValue());

        JsonPath checkpoint = given().when()
                .post("/api/v1/memory/checkpoints")
                .then()
                .statusCode(200)
                .body("chainSeq", equalTo(0))
                .body("hash", equalTo(GENESIS))
                .body("nodeId", equalTo("memory-test"))
                .body("keyId", equalTo(MEMORY_TEST.keyId()))
                .extract()
                .jsonPath();

        assertThat(signatureHolds(checkpoint)).isTrue();
        given().when()
                .get("/api/v1/memory/verify")
                .then()
                .statusCode(200)
                .body("intact", equalTo(true))
                .body("checkpoints.checked", equalTo(1))
                .body("checkpoints.lastChainSeq", equalTo(0))
                .body("checkpoints.lastSignedBy", equalTo("memory-test"))
                .body("checkpoints.lastSignedAt", equalTo(checkpoint.getString("signedAt")))
                .body("checkpoints.problem", nullValue());
    }

    @Test
    @Order(2)
    void verifyReportsTheWalkedChainAndACheckpointSignsItsHead() {
        append("remember the milk");
        append("and the bread");

        JsonPath report = given().when()
                .get("/api/v1/memory/verify")
                .then()
                .statusCode(200)
                .body("intact", equalTo(true))
                .body("firstBreak", nullValue())
                .body("prunedLinks", equalTo(0))
                .body("verifiedAt", notNullValue())
                .extract()
                .jsonPath();
        JsonPath checkpoint = given().when()
                .post("/api/v1/memory/checkpoints")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(report.getLong("headSeq")).isEqualTo(head()).isGreaterThanOrEqualTo(2);
        assertThat(report.getLong("checkedLinks")).isEqualTo(report.getLong("headSeq"));
        assertThat(checkpoint.getLong("chainSeq")).isEqualTo(report.getLong("headSeq"));
        assertThat(checkpoint.getString("hash")).isEqualTo(report.getString("headHash"));
        assertThat(Instant.parse(checkpoint.getString("signedAt"))).isBeforeOrEqualTo(Instant.now());
        assertThat(signatureHolds(checkpoint)).isTrue();
    }

    @Test
    @Order(3)
    void verifyPinpointsAMessageChangedInTheDatabase() {
        long seq = append("the password is swordfish");
        long chainSeq = jdbi.withHandle(handle -> handle.createQuery("SELECT chain_seq FROM messages WHERE seq = ?")
                .bind(0, seq)
                .mapTo(Long.class)
                .one());

        jdbi.useHandle(handle -> handle.execute("UPDATE messages SET content = 'nothing to see' WHERE seq = ?", seq));
        try {
            given().when()
                    .get("/api/v1/memory/verify")
                    .then()
                    .statusCode(200)
                    .body("intact", equalTo(false))
                    .body("firstBreak.chainSeq", equalTo((int) chainSeq))
                    .body("firstBreak.source", equalTo("messages"))
                    .body("firstBreak.key", equalTo(Long.toString(seq)))
                    .body("firstBreak.problem", containsString("changed after it was stored"))
                    .body("firstBreak.expectedHash", notNullValue())
                    .body("firstBreak.storedHash", notNullValue());
        } finally {
            jdbi.useHandle(handle ->
                    handle.execute("UPDATE messages SET content = 'the password is swordfish' WHERE seq = ?", seq));
        }
        given().when().get("/api/v1/memory/verify").then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    @Order(4)
    void aStoreFailureIs503() {
        jdbi.useHandle(handle -> handle.execute("ALTER TABLE chain_head RENAME TO chain_head_away"));
        try {
            given().when()
                    .get("/api/v1/memory/verify")
                    .then()
                    .statusCode(503)
                    .body("error", equalTo("store_unavailable"));
            given().when()
                    .post("/api/v1/memory/checkpoints")
                    .then()
                    .statusCode(503)
                    .body("error", equalTo("store_unavailable"));
        } finally {
            jdbi.useHandle(handle -> handle.execute("ALTER TABLE chain_head_away RENAME TO chain_head"));
        }
        given().when().get("/api/v1/memory/verify").then().statusCode(200).body("intact", equalTo(true));
    }

    private long append(String content) {
        return store.append(new MemoryAppendRequest(
                        "conv-" + UUID.randomUUID(),
                        UUID.randomUUID().toString(),
                        "user",
                        "timmy",
                        new Sender("http", "alice", "Alice"),
                        content,
                        Instant.now()))
                .seq();
    }

    private long head() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT seq FROM chain_head")
                .mapTo(Long.class)
                .one());
    }

    private static boolean signatureHolds(JsonPath checkpoint) {
        byte[] statement = CheckpointSignature.statement(
                checkpoint.getLong("chainSeq"),
                HexFormat.of().parseHex(checkpoint.getString("hash")),
                checkpoint.getString("nodeId"),
                Instant.parse(checkpoint.getString("signedAt")));
        return CheckpointSignature.verify(
                MEMORY_TEST.publicKey(), statement, Base64.getDecoder().decode(checkpoint.getString("signature")));
    }
}

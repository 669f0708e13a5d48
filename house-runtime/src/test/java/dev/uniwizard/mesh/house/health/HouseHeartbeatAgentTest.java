package dev.uniwizard.mesh.house.health;

import static dev.uniwizard.mesh.testkit.llm.ScriptedChatServer.status;
import static dev.uniwizard.mesh.testkit.llm.ScriptedChatServer.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.payload.HeartbeatPayload;
import dev.uniwizard.mesh.core.payload.HouseFacts;
import dev.uniwizard.mesh.core.payload.ReplyPayload;
import dev.uniwizard.mesh.house.contract.HouseAgentResource;
import dev.uniwizard.mesh.house.contract.HouseAgentTest;
import dev.uniwizard.mesh.house.runtime.AgentLoop;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import dev.uniwizard.mesh.testkit.SubjectRecorder;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The heartbeat of house {@code keeper} on {@code <root>.health.keeper} (every second in tests) carries the host and
 * the house's facts; its login follows the model endpoint: the check at start finds the scripted server's
 * {@code GET /v1/models} accepting, a model call refused with 401 makes it needs_login at once, and the next answer
 * logged_in again.
 */
@QuarkusTest
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {@ResourceArg(name = "node", value = "keeper-test"), @ResourceArg(name = "role", value = "house")})
@WithTestResource(HouseAgentResource.class)
class HouseHeartbeatAgentTest extends HouseAgentTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    ModelLogin login;

    @Inject
    HouseHeartbeatFacts houseFacts;

    @Inject
    MeterRegistry registry;

    private SubjectRecorder heartbeats;

    @Override
    protected String house() {
        return "keeper";
    }

    @BeforeEach
    void watchHeartbeats() {
        heartbeats = SubjectRecorder.watch(connection, subjects.health("keeper"));
    }

    @AfterEach
    void stopWatching() {
        heartbeats.close();
        model().modelsStatus(200);
    }

    @Test
    void theHeartbeatCarriesTheHostAndTheHousesFacts() {
        assertThat(model().modelListings()).as("the login check at start").isPositive();

        HeartbeatPayload heartbeat = awaitHeartbeat(facts -> facts.login() != null);

        assertThat(heartbeat.service()).isEqualTo("keeper");
        assertThat(heartbeat.instance()).isEqualTo("keeper-test");
        assertThat(heartbeat.intervalSeconds()).isEqualTo(1);
        assertThat(heartbeat.host().hostname()).isNotBlank();
        assertThat(heartbeat.host().memoryTotalBytes()).isPositive();
        assertThat(heartbeat.host().diskUsedRatio()).isBetween(0.0, 1.0);
        assertThat(heartbeat.house().mode()).isEqualTo("intelligent");
        assertThat(heartbeat.house().pendingApprovals())
                .as("keeper is no approval authority")
                .isNull();
        assertThat(heartbeat.house().loginCheckedAt()).isNotNull();
    }

    @Test
    void theLoginFollowsTheModelEndpoint() {
        assertThat(login.check().login()).isEqualTo(HouseFacts.LOGGED_IN);
        assertThat(gauge()).isEqualTo(1);

        model().enqueue(status(401, "Incorrect API key provided"));
        Envelope refused = send("what is on disk?");
        assertThat(finalReply(refused).errorCode()).isEqualTo(AgentLoop.MODEL_FAILED);

        HouseFacts needsLogin = awaitHeartbeat(facts -> facts.login().equals(HouseFacts.NEEDS_LOGIN))
                .house();
        assertThat(needsLogin.loginDetail()).contains("HTTP 401", "HOUSE_MODEL_API_KEY");
        assertThat(gauge()).isZero();

        model().enqueue(text("All is well."));
        Envelope answered = send("and now?");
        assertThat(finalReply(answered)).isEqualTo(ReplyPayload.ok("keeper", "All is well."));

        awaitHeartbeat(facts -> facts.login().equals(HouseFacts.LOGGED_IN));
        assertThat(gauge()).isEqualTo(1);
        model().verify();
    }

    @Test
    void aCheckRefusedWith401NeedsLoginAndOneAcceptedLogsInAgain() {
        model().modelsStatus(401);
        assertThat(login.check().login()).isEqualTo(HouseFacts.NEEDS_LOGIN);
        awaitHeartbeat(facts -> facts.login().equals(HouseFacts.NEEDS_LOGIN)
                && facts.loginDetail().contains("GET " + model().baseUrl() + "/models"));

        model().modelsStatus(200);
        assertThat(login.check().login()).isEqualTo(HouseFacts.LOGGED_IN);
        assertThat(houseFacts.houseFacts().login()).isEqualTo(HouseFacts.LOGGED_IN);
    }

    /** The first heartbeat from now on whose house facts match. */
    private HeartbeatPayload awaitHeartbeat(Predicate<HouseFacts> match) {
        int seen = heartbeats.on(subjects.health("keeper")).size();
        return await().atMost(WAIT)
                .until(
                        () -> heartbeats.envelopesOn(subjects.health("keeper")).stream()
                                .skip(seen)
                                .map(envelope -> SubjectRecorder.payload(envelope, HeartbeatPayload.class))
                                .filter(heartbeat -> heartbeat.house() != null && match.test(heartbeat.house()))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    private double gauge() {
        return registry.get(ModelLogin.GAUGE).tag("house", "keeper").gauge().value();
    }
}

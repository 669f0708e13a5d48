package dev.uniwizard.mesh.router.triage;

import static dev.uniwizard.mesh.testkit.llm.ScriptedChatServer.status;
import static dev.uniwizard.mesh.testkit.llm.ScriptedChatServer.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.router.routing.HouseSelector;
import dev.uniwizard.mesh.router.routing.HouseTitles;
import dev.uniwizard.mesh.service.model.ChatCompletions;
import dev.uniwizard.mesh.testkit.llm.ScriptedChatServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ModelTriageTest {

    private static final HouseSelector HOUSES = new HouseSelector(List.of("timmy", "ezra", "bezalel"), "timmy");

    private final ScriptedChatServer server = ScriptedChatServer.start();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TriageRules rules = TriageRulesProducer.compile(
            TriageRulesTest.triage(
                    Optional.empty(),
                    TriageRulesTest.rule(
                            "code", "bezalel", List.of("bug"), List.of(), List.of(), null, List.of("code"))),
            HOUSES);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theModelIsToldTheHousesAndLabelsAndItsChoiceIsUsed() {
        server.enqueue(text("{\"house\":\"ezra\",\"labels\":[\"code\"],\"reason\":\"needs analysis\"}"));

        Optional<TriageDecision> decision = triage(Duration.ofSeconds(5))
                .classify(TriageRulesTest.issue("Why is it slow?", "Profile attached.", List.of("bug")));

        assertThat(decision).hasValue(new TriageDecision("ezra", List.of("code"), "model: needs analysis"));
        server.verify();
        String system = server.lastRequest().body().at("/messages/0/content").asText();
        assertThat(system)
                .contains("- timmy: Timmy (sovereign), sovereign judgment and final approval")
                .contains("- ezra: Ezra (archivist), archivist: analysis")
                .contains("- bezalel: Bezalel (artificer), artificer: implementation")
                .contains("Labels you may add: bug, code.")
                .contains("{\"house\": \"<one of timmy, ezra, bezalel>\"");
        String user = server.lastRequest().body().at("/messages/1/content").asText();
        assertThat(user)
                .startsWith("issues opened on acme/app#7: \"Why is it slow?\"")
                .contains("Labels: bug")
                .endsWith("Profile attached.");
        assertThat(outcome("chosen")).isEqualTo(1);
    }

    @Test
    void garbageFailuresAndTimeoutsLeaveItToTheRules() {
        server.enqueue(
                text("Ezra, definitely."), status(500, "boom"), text("{}").delayed(Duration.ofSeconds(2)));
        ModelTriage triage = triage(Duration.ofMillis(300));

        assertThat(triage.classify(TriageRulesTest.issue("a", "b", List.of()))).isEmpty();
        assertThat(triage.classify(TriageRulesTest.issue("a", "b", List.of()))).isEmpty();
        assertThat(triage.classify(TriageRulesTest.issue("a", "b", List.of()))).isEmpty();

        assertThat(outcome("invalid")).isEqualTo(1);
        assertThat(outcome("failed")).isEqualTo(1);
        assertThat(outcome("timeout")).isEqualTo(1);
    }

    @Test
    void withoutABaseUrlThereIsNoModel() {
        ModelTriage triage = new ModelTriage(
                new ChatCompletions(),
                new TriageRulesTest.TestModel(Optional.empty()),
                HOUSES,
                new HouseTitles(Map.of()),
                rules,
                registry);

        assertThat(triage.enabled()).isFalse();
        assertThat(triage.classify(TriageRulesTest.issue("a", "b", List.of()))).isEmpty();
        assertThat(server.requests()).isEmpty();
    }

    private ModelTriage triage(Duration timeout) {
        return new ModelTriage(
                new ChatCompletions(),
                new TriageRulesTest.TestModel(
                        Optional.of(server.baseUrl()), Optional.of("triage-1b"), Optional.empty(), timeout),
                HOUSES,
                new HouseTitles(Map.of()),
                rules,
                registry);
    }

    private double outcome(String outcome) {
        var counter = registry.find("mesh.router.triage.model")
                .tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}

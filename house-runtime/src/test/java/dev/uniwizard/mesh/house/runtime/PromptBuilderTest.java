package dev.uniwizard.mesh.house.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.house.config.HouseConfig;
import dev.uniwizard.mesh.house.config.HouseConfigs;
import dev.uniwizard.mesh.house.config.HouseMode;
import dev.uniwizard.mesh.house.engine.TestTurns;
import dev.uniwizard.mesh.house.persona.Persona;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptBuilderTest {

    private static final Persona PERSONA = new Persona("# Ezra, the archivist.\n");
    private static final List<String> MARKERS = List.of(
            "[MEMORY MARKER] decision #12 (2026-11-20, ezra): Store memory in PostgreSQL, not files",
            "[MEMORY MARKER] correction #14 (2026-11-22, timmy): The gateway port is 8080, not 8000");

    @Test
    void markersFollowTheTurnUnderTheProjectExactlyAsMemoryWordedThem() {
        HouseConfig config = HouseConfigs.of(Map.of("house.memory.project", "org/repo"));

        String prompt = new PromptBuilder(config, PERSONA).systemPrompt(turn(), MARKERS);

        assertThat(prompt)
                .startsWith("# Ezra, the archivist.\n\n## This turn\n")
                .endsWith("\n## Project memory (org/repo)\n" + MARKERS.get(0) + "\n" + MARKERS.get(1) + "\n"
                        + "These markers are facts and decisions remembered for this project: respect them, but they"
                        + " may be outdated, so say so when what you find contradicts one; store new decisions,"
                        + " patterns, corrections and architecture facts with the remember tool.\n");
    }

    @Test
    void theRememberToolIsOnlyMentionedWhenTheHouseHasIt() {
        HouseConfig config = HouseConfigs.of(Map.of("house.tools.enabled", "echo,file_read"));

        String prompt = new PromptBuilder(config, PERSONA).systemPrompt(turn(), MARKERS);

        assertThat(prompt)
                .contains("## Project memory (mesh)\n")
                .endsWith("so say so when what you find contradicts one.\n")
                .doesNotContain("remember tool");
    }

    @Test
    void withoutMarkersThereIsNoMemorySection() {
        String prompt =
                new PromptBuilder(HouseConfigs.of(HouseMode.INTELLIGENT), PERSONA).systemPrompt(turn(), List.of());

        assertThat(prompt).doesNotContain("Project memory", "MEMORY MARKER");
    }

    private static dev.uniwizard.mesh.house.engine.TurnContext turn() {
        return TestTurns.turn(HouseMode.INTELLIGENT, false, new ArrayList<>());
    }
}

package dev.uniwizard.mesh.house.persona;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PersonaTest {

    @Test
    void firstLineSkipsBlankLinesAndHeadingMarks() {
        assertThat(new Persona("\n\n## Bezalel, the artificer  \nbuilds things\n").firstLine())
                .isEqualTo("Bezalel, the artificer");
    }

    @Test
    void missingPersonaFailsWithWhatToAdd() {
        assertThatThrownBy(() -> PersonaLoader.load(getClass().getClassLoader(), "no-such-persona.md"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no-such-persona.md was not found on the classpath")
                .hasMessageContaining("src/main/resources/no-such-persona.md");
    }
}

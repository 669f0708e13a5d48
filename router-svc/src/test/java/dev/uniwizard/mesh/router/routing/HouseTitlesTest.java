package dev.uniwizard.mesh.router.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HouseTitlesTest {

    @Test
    void configuredTitlesOverrideTheBuiltInOnes() {
        HouseTitles titles = new HouseTitles(Map.of("ezra", "Ezra (scribe)", "gimli", "Gimli"));

        assertThat(titles.title("ezra")).isEqualTo("Ezra (scribe)");
        assertThat(titles.name("ezra")).isEqualTo("Ezra");
        assertThat(titles.title("bezalel")).isEqualTo("Bezalel (artificer)");
        assertThat(titles.title("gimli")).isEqualTo("Gimli");
        assertThat(titles.title("frodo")).isEqualTo("Frodo");
        assertThat(titles.name("frodo")).isEqualTo("Frodo");
    }
}

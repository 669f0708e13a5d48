package dev.uniwizard.mesh.house.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MemoryConfigTest {

    @Test
    void aHouseWorksForProjectMeshWithTwelveMarkersUnlessToldOtherwise() {
        HouseConfig defaults = HouseConfigs.of(HouseMode.INTELLIGENT);
        HouseConfig set = HouseConfigs.of(Map.of("house.memory.project", "org/repo", "house.memory.markers", "0"));

        assertThat(defaults.memory().project()).isEqualTo("mesh");
        assertThat(defaults.memory().markers()).isEqualTo(12);
        assertThat(set.memory().project()).isEqualTo("org/repo");
        assertThat(set.memory().markers()).isZero();
        HouseConfig.validate(set);
    }

    @Test
    void aProjectThatIsNotAProjectKeyOrTooManyMarkersFailStartUp() {
        assertThatThrownBy(() -> HouseConfig.validate(HouseConfigs.of(Map.of("house.memory.project", "my project"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("house.memory.project 'my project' is not a project key");
        assertThatThrownBy(() -> HouseConfig.validate(HouseConfigs.of(Map.of("house.memory.markers", "101"))))
                .hasMessage("house.memory.markers must be between 0 (no markers in prompts) and 100, got 101");
        assertThatThrownBy(() -> HouseConfig.validate(HouseConfigs.of(Map.of("house.memory.markers", "-1"))))
                .hasMessageContaining("got -1");
    }
}

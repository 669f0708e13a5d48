package dev.uniwizard.mesh.house.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.house.config.HouseMode;
import org.junit.jupiter.api.Test;

class ModeRequestTest {

    @Test
    void withoutPrefixTheConfiguredModeHolds() {
        ModeRequest request = ModeRequest.of(HouseMode.INTELLIGENT, "  list the docs ");

        assertThat(request.mode()).isEqualTo(HouseMode.INTELLIGENT);
        assertThat(request.approvalsRequired()).isFalse();
        assertThat(request.text()).isEqualTo("list the docs");
    }

    @Test
    void aTaskMayAskForSovereignMode() {
        ModeRequest request = ModeRequest.of(HouseMode.INTELLIGENT, "/mode sovereign write the notes");

        assertThat(request.mode()).isEqualTo(HouseMode.SOVEREIGN);
        assertThat(request.approvalsRequired()).isTrue();
        assertThat(request.text()).isEqualTo("write the notes");
    }

    @Test
    void aTaskCannotSwitchOffTheApprovalsOfASovereignHouse() {
        ModeRequest request = ModeRequest.of(HouseMode.SOVEREIGN, "/mode simple /tool file_write path=a content=b");

        assertThat(request.mode()).isEqualTo(HouseMode.SIMPLE);
        assertThat(request.approvalsRequired()).isTrue();
        assertThat(request.text()).isEqualTo("/tool file_write path=a content=b");
    }

    @Test
    void anUnknownModeIsAProblem() {
        ModeRequest request = ModeRequest.of(HouseMode.SIMPLE, "/mode loud hi");

        assertThat(request.problem()).hasValueSatisfying(p -> assertThat(p).contains("'loud' is not a mode"));
    }
}

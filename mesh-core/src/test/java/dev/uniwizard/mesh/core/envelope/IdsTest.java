package dev.uniwizard.mesh.core.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void newIdsAreUuidV7AndSortInCreationOrder() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(Ids.newId());
        }
        assertThat(ids).isSorted().doesNotHaveDuplicates();
        assertThat(UUID.fromString(ids.get(0)).version()).isEqualTo(7);
        assertThat(UUID.fromString(ids.get(0)).variant()).isEqualTo(2);
    }

    @Test
    void derivedIdsAreStablePerLabelAndKeepTheParentsTime() {
        String parent = Ids.newId();
        String task = Ids.derive(parent, "task");

        assertThat(Ids.derive(parent, "task")).isEqualTo(task);
        assertThat(Ids.derive(parent, "reply")).isNotEqualTo(task);
        assertThat(task.substring(0, 13)).isEqualTo(parent.substring(0, 13));
        assertThat(Ids.isValid(task)).isTrue();
        assertThat(new HashSet<>(List.of(task, parent))).hasSize(2);
    }

    @Test
    void validatesIds() {
        assertThat(Ids.isValid("not-a-uuid")).isFalse();
        assertThat(Ids.isValid(null)).isFalse();
        assertThat(Ids.isValid(Ids.newId())).isTrue();
    }
}

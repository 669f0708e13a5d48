package dev.uniwizard.mesh.core.subjects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SubjectsTest {

    private final Subjects subjects = Subjects.defaults();

    @Test
    void namesEverySubjectUnderTheRoot() {
        assertThat(subjects.in("http")).isEqualTo("mesh.in.http");
        assertThat(subjects.task("ezra")).isEqualTo("mesh.task.ezra");
        assertThat(subjects.out("telegram")).isEqualTo("mesh.out.telegram");
        assertThat(subjects.memory(Subjects.MEMORY_APPEND)).isEqualTo("mesh.memory.append");
        assertThat(subjects.health("gateway")).isEqualTo("mesh.health.gateway");
        assertThat(subjects.events(Subjects.EVENT_SECURITY)).isEqualTo("mesh.events.security");
        assertThat(new Subjects("t123.mesh").taskAll()).isEqualTo("t123.mesh.task.>");
    }

    @Test
    void refusesTokensThatWouldInjectWildcardsOrLevels() {
        assertThatThrownBy(() -> subjects.task("ezra.>")).hasMessageContaining("house 'ezra.>' is not a valid name");
        assertThatThrownBy(() -> subjects.task("*")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> subjects.in("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Subjects("mesh.>")).isInstanceOf(IllegalArgumentException.class);
    }
}

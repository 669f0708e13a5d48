package dev.uniwizard.mesh.observatory.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.core.observatory.CheckIncidents;
import dev.uniwizard.mesh.core.observatory.CheckState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IncidentsTest {

    private static final Instant FROM = Instant.parse("2026-03-01T08:00:00Z");
    private static final Instant TO = FROM.plus(Duration.ofHours(24));
    private static final Duration GAP = Duration.ofSeconds(90);

    @Test
    void countsChangesIntoAProblemAndTheTimeSpentInIt() {
        Map<String, Incidents.History> histories = Map.of(
                "disk:gw-1",
                new Incidents.History(
                        CheckState.OK,
                        List.of(
                                change(600, CheckState.CRITICAL),
                                change(900, CheckState.ERROR), // still a problem: no new incident
                                change(1200, CheckState.OK),
                                change(3600, CheckState.CRITICAL),
                                change(3660, CheckState.WARN)),
                        TO.minusSeconds(10)));

        List<CheckIncidents> incidents = Incidents.of(histories, FROM, TO, GAP);

        assertThat(incidents).containsExactly(new CheckIncidents("disk:gw-1", 2, 600 + 60, CheckState.CRITICAL));
    }

    @Test
    void aProblemAtTheStartCountsItsTimeButNoIncidentAndAnOpenOneRunsToTheEnd() {
        Map<String, Incidents.History> histories = Map.of(
                "service:router",
                new Incidents.History(CheckState.ERROR, List.of(change(300, CheckState.OK)), TO.minusSeconds(5)),
                "instance:x",
                new Incidents.History(null, List.of(change(86_000, CheckState.CRITICAL)), TO.minusSeconds(5)));

        List<CheckIncidents> incidents = Incidents.of(histories, FROM, TO, GAP);

        assertThat(incidents)
                .containsExactly(
                        new CheckIncidents("instance:x", 1, 400, CheckState.CRITICAL),
                        new CheckIncidents("service:router", 0, 300, CheckState.ERROR));
    }

    @Test
    void aCheckThatStoppedReportingEndsItsProblemAtItsLastSnapshot() {
        Map<String, Incidents.History> histories = Map.of(
                "instance:gone",
                new Incidents.History(CheckState.OK, List.of(change(100, CheckState.CRITICAL)), FROM.plusSeconds(700)),
                "instance:vanished",
                new Incidents.History(CheckState.CRITICAL, List.of(), null));

        assertThat(Incidents.of(histories, FROM, TO, GAP))
                .containsExactly(new CheckIncidents("instance:gone", 1, 600, CheckState.CRITICAL));
    }

    @Test
    void checksWithoutProblemsAreLeftOut() {
        Map<String, Incidents.History> histories = Map.of(
                "disk:a",
                new Incidents.History(CheckState.OK, List.of(change(10, CheckState.WARN)), TO.minusSeconds(1)));

        assertThat(Incidents.of(histories, FROM, TO, GAP)).isEmpty();
    }

    private static Incidents.Change change(long seconds, CheckState to) {
        return new Incidents.Change(FROM.plusSeconds(seconds), to);
    }
}

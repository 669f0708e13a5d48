package dev.uniwizard.mesh.observatory.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.uniwizard.mesh.core.observatory.Alert;
import dev.uniwizard.mesh.core.observatory.CheckResult;
import dev.uniwizard.mesh.core.observatory.CheckState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlertStateMachineTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration FOR = Duration.ofMinutes(1);
    private static final Duration GROUP_WAIT = Duration.ofSeconds(30);
    private static final Duration GROUP_INTERVAL = Duration.ofMinutes(5);
    private static final Duration REPEAT = Duration.ofHours(4);

    private final AlertStateMachine machine = new AlertStateMachine(rules(List.of("kind"), Map.of()));
    private AlertBook book = AlertBook.empty();
    private final List<GroupNotification> sent = new ArrayList<>();

    @Test
    void aProblemFiresOnlyAfterItLastedForTheForDuration() {
        evaluate(0, critical("disk", "gw-1"));
        assertThat(book.active().get("disk:gw-1").phase()).isEqualTo(AlertPhase.PENDING);
        evaluate(59, critical("disk", "gw-1"));
        assertThat(book.active().get("disk:gw-1").phase()).isEqualTo(AlertPhase.PENDING);
        assertThat(flush(59)).isEmpty();

        evaluate(60, critical("disk", "gw-1"));

        TrackedAlert alert = book.active().get("disk:gw-1");
        assertThat(alert.phase()).isEqualTo(AlertPhase.FIRING);
        assertThat(alert.startsAt()).isEqualTo(at(0));
        assertThat(alert.firedAt()).isEqualTo(at(60));
        assertThat(book.groups()).containsKey("{kind=\"disk\"}");
    }

    @Test
    void aProblemShorterThanForSendsNothingAndFlappingRestartsTheWait() {
        evaluate(0, critical("disk", "gw-1"));
        evaluate(30, critical("disk", "gw-1"));
        evaluate(45, ok("disk", "gw-1"));
        assertThat(book.active()).isEmpty();
        evaluate(50, critical("disk", "gw-1"));
        evaluate(80, critical("disk", "gw-1"));
        evaluate(100, ok("disk", "gw-1"));
        evaluate(105, critical("disk", "gw-1"));
        evaluate(160, critical("disk", "gw-1"));

        assertThat(book.active().get("disk:gw-1").phase()).isEqualTo(AlertPhase.PENDING);
        assertThat(book.active().get("disk:gw-1").startsAt()).isEqualTo(at(105));
        assertThat(flush(3600)).isEmpty();
        assertThat(book.groups()).isEmpty();
        assertThat(book.resolved()).isEmpty();
    }

    @Test
    void aNewGroupWaitsGroupWaitAndCollectsTheAlertsThatFireMeanwhile() {
        evaluate(0, critical("disk", "gw-1"));
        evaluate(20, critical("disk", "gw-1"), critical("disk", "gw-2"));
        evaluate(60, critical("disk", "gw-1"), critical("disk", "gw-2"));
        assertThat(flush(60)).isEmpty();
        assertThat(book.active().get("disk:gw-2").phase()).isEqualTo(AlertPhase.PENDING);
        evaluate(80, critical("disk", "gw-1"), critical("disk", "gw-2"));
        assertThat(flush(89)).isEmpty();

        List<GroupNotification> first = flush(90);

        assertThat(first).singleElement().satisfies(n -> {
            assertThat(n.groupKey()).isEqualTo("{kind=\"disk\"}");
            assertThat(n.groupLabels()).isEqualTo(Map.of("kind", "disk"));
            assertThat(n.status()).isEqualTo(Alert.FIRING);
            assertThat(n.alerts()).extracting(Alert::fingerprint).containsExactly("disk:gw-1", "disk:gw-2");
            assertThat(n.alerts()).allSatisfy(a -> assertThat(a.status()).isEqualTo(Alert.FIRING));
        });
    }

    @Test
    void aCheckCriticalOnEveryEvaluationIsNotifiedAgainOnlyAfterTheRepeatInterval() {
        fireDiskAt(0);
        assertThat(flush(90)).hasSize(1);
        long seconds = 90;
        while (seconds < REPEAT.toSeconds() + 90 - 30) {
            seconds += 30;
            evaluate(seconds, critical("disk", "gw-1"));
            assertThat(flush(seconds)).as("at %ss", seconds).isEmpty();
        }

        List<GroupNotification> repeat = flush(REPEAT.toSeconds() + 90);

        assertThat(repeat).singleElement().satisfies(n -> assertThat(n.status()).isEqualTo(Alert.FIRING));
        assertThat(flush(REPEAT.toSeconds() + 91)).isEmpty();
    }

    @Test
    void aChangedGroupIsNotifiedAtMostEveryGroupInterval() {
        fireDiskAt(0);
        assertThat(flush(90)).hasSize(1);
        evaluate(100, critical("disk", "gw-1"), critical("disk", "gw-2"));
        evaluate(160, critical("disk", "gw-1"), critical("disk", "gw-2"));
        assertThat(book.active().get("disk:gw-2").phase()).isEqualTo(AlertPhase.FIRING);
        assertThat(flush(389)).isEmpty();

        List<GroupNotification> changed = flush(390);

        assertThat(changed).singleElement().satisfies(n -> assertThat(n.alerts())
                .extracting(Alert::fingerprint)
                .containsExactly("disk:gw-1", "disk:gw-2"));
        evaluate(400, critical("disk", "gw-1"), critical("disk", "gw-2"));
        assertThat(flush(400 + GROUP_INTERVAL.toSeconds())).isEmpty();
    }

    @Test
    void anotherSeverityIsAChange() {
        fireDiskAt(0);
        assertThat(flush(90)).hasSize(1);
        evaluate(120, problem("disk", "gw-1", CheckState.ERROR));

        List<GroupNotification> changed = flush(390);

        assertThat(changed)
                .singleElement()
                .satisfies(n -> assertThat(n.alerts().getFirst().labels()).containsEntry("severity", "error"));
    }

    @Test
    void aRecoveryResolvesTheAlertAndClosesTheGroupAfterOneResolvedNotification() {
        fireDiskAt(0);
        assertThat(flush(90)).hasSize(1);
        evaluate(200, ok("disk", "gw-1"));
        assertThat(book.resolved()).containsKey("disk:gw-1");
        assertThat(flush(389)).isEmpty();

        List<GroupNotification> resolved = flush(390);

        assertThat(resolved).singleElement().satisfies(n -> {
            assertThat(n.status()).isEqualTo(Alert.RESOLVED);
            Alert alert = n.alerts().getFirst();
            assertThat(alert.status()).isEqualTo(Alert.RESOLVED);
            assertThat(alert.startsAt()).isEqualTo(at(0));
            assertThat(alert.endsAt()).isEqualTo(at(200));
        });
        assertThat(book.groups()).isEmpty();
        assertThat(book.resolved()).isEmpty();
        assertThat(flush(REPEAT.toSeconds() * 2)).isEmpty();
    }

    @Test
    void aDisappearedCheckResolvesToo() {
        fireDiskAt(0);
        assertThat(flush(90)).hasSize(1);

        evaluate(200, ok("service", "router"));

        assertThat(book.active()).isEmpty();
        assertThat(flush(390)).singleElement().satisfies(n -> assertThat(n.status())
                .isEqualTo(Alert.RESOLVED));
    }

    @Test
    void aGroupWithOneAlertResolvedAndOneFiringSendsBoth() {
        evaluate(0, critical("disk", "gw-1"), critical("disk", "gw-2"));
        evaluate(60, critical("disk", "gw-1"), critical("disk", "gw-2"));
        assertThat(flush(90)).hasSize(1);
        evaluate(120, critical("disk", "gw-1"), ok("disk", "gw-2"));

        List<GroupNotification> next = flush(390);

        assertThat(next).singleElement().satisfies(n -> {
            assertThat(n.status()).isEqualTo(Alert.FIRING);
            assertThat(n.alerts())
                    .extracting(Alert::fingerprint, Alert::status)
                    .containsExactly(tuple("disk:gw-1", Alert.FIRING), tuple("disk:gw-2", Alert.RESOLVED));
        });
        assertThat(book.groups()).containsKey("{kind=\"disk\"}");
        assertThat(flush(390 + GROUP_INTERVAL.toSeconds())).isEmpty();
    }

    @Test
    void anAlertThatFiredAndRecoveredBeforeTheFirstNotificationSendsNothing() {
        fireDiskAt(0);
        evaluate(70, ok("disk", "gw-1"));

        assertThat(flush(90)).isEmpty();
        assertThat(book.groups()).isEmpty();
        assertThat(book.resolved()).isEmpty();
    }

    @Test
    void aProblemReturningBeforeItsResolutionWasSentKeepsFiringWithoutANewNotification() {
        fireDiskAt(0);
        assertThat(flush(90)).hasSize(1);
        evaluate(100, ok("disk", "gw-1"));
        evaluate(110, critical("disk", "gw-1"));
        assertThat(book.resolved()).containsKey("disk:gw-1");
        evaluate(170, critical("disk", "gw-1"));

        assertThat(book.resolved()).isEmpty();
        TrackedAlert again = book.active().get("disk:gw-1");
        assertThat(again.phase()).isEqualTo(AlertPhase.FIRING);
        assertThat(again.startsAt()).isEqualTo(at(110));
        // The operator was told it fires, and it fires: as for Alertmanager, that is no change.
        assertThat(flush(390)).isEmpty();
        assertThat(flush(90 + REPEAT.toSeconds()))
                .singleElement()
                .satisfies(n -> assertThat(n.alerts().getFirst().startsAt()).isEqualTo(at(110)));
    }

    @Test
    void aProblemReturningAndRecoveringWithinForStillSendsTheResolution() {
        fireDiskAt(0);
        assertThat(flush(90)).hasSize(1);
        evaluate(100, ok("disk", "gw-1"));
        evaluate(110, critical("disk", "gw-1"));
        evaluate(120, ok("disk", "gw-1"));

        assertThat(flush(390)).singleElement().satisfies(n -> assertThat(n.status())
                .isEqualTo(Alert.RESOLVED));
    }

    @Test
    void groupsAreSeparatePerGroupingLabel() {
        evaluate(0, critical("disk", "gw-1"), critical("service", "router"));
        evaluate(60, critical("disk", "gw-1"), critical("service", "router"));

        List<GroupNotification> notifications = flush(90);

        assertThat(notifications)
                .extracting(GroupNotification::groupKey)
                .containsExactly("{kind=\"disk\"}", "{kind=\"service\"}");
    }

    @Test
    void warnDoesNotAlertUnlessConfigured() {
        evaluate(0, problem("disk", "gw-1", CheckState.WARN));
        assertThat(book.active()).isEmpty();

        AlertStateMachine warns = new AlertStateMachine(new AlertRules(
                Set.of(CheckState.WARN, CheckState.CRITICAL),
                Duration.ZERO,
                Map.of(),
                List.of("kind"),
                Duration.ZERO,
                GROUP_INTERVAL,
                REPEAT));
        AlertBook withWarn = warns.evaluate(AlertBook.empty(), T0, List.of(problem("disk", "gw-1", CheckState.WARN)));
        assertThat(warns.flush(withWarn, T0).notifications()).hasSize(1);
    }

    @Test
    void forCanDifferPerKindAndGroupingByTargetAndSeverityWorks() {
        AlertStateMachine custom =
                new AlertStateMachine(rules(List.of("target", "severity"), Map.of("service", Duration.ofMinutes(5))));
        AlertBook state = custom.evaluate(
                AlertBook.empty(), T0, List.of(critical("service", "router"), critical("disk", "router")));
        state = custom.evaluate(state, at(60), List.of(critical("service", "router"), critical("disk", "router")));

        assertThat(state.active().get("disk:router").phase()).isEqualTo(AlertPhase.FIRING);
        assertThat(state.active().get("service:router").phase()).isEqualTo(AlertPhase.PENDING);
        assertThat(state.groups()).containsOnlyKeys("{target=\"router\",severity=\"critical\"}");
        GroupNotification notification =
                custom.flush(state, at(90)).notifications().getFirst();
        assertThat(notification.groupLabels().keySet()).containsExactly("target", "severity");
    }

    @Test
    void aFiringAlertWhoseGroupChangesIsResolvedInTheOldGroup() {
        AlertStateMachine bySeverity = new AlertStateMachine(rules(List.of("severity"), Map.of()));
        AlertBook state = bySeverity.evaluate(AlertBook.empty(), T0, List.of(critical("disk", "gw-1")));
        state = bySeverity.evaluate(state, at(60), List.of(critical("disk", "gw-1")));
        AlertStateMachine.Flush first = bySeverity.flush(state, at(90));
        assertThat(first.notifications()).hasSize(1);

        state = bySeverity.evaluate(first.book(), at(120), List.of(problem("disk", "gw-1", CheckState.ERROR)));
        AlertStateMachine.Flush next = bySeverity.flush(state, at(400));

        assertThat(next.notifications())
                .extracting(GroupNotification::groupKey, GroupNotification::status)
                .containsExactlyInAnyOrder(
                        tuple("{severity=\"critical\"}", Alert.RESOLVED), tuple("{severity=\"error\"}", Alert.FIRING));
    }

    @Test
    void badRulesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> rules(List.of("host"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'host'")
                .hasMessageContaining("alertname, kind, target or severity");
        assertThatThrownBy(() -> new AlertRules(
                        Set.of(CheckState.OK), FOR, Map.of(), List.of("kind"), GROUP_WAIT, GROUP_INTERVAL, REPEAT))
                .hasMessageContaining("ok");
        assertThatThrownBy(() -> new AlertRules(
                        Set.of(CheckState.CRITICAL),
                        Duration.ofSeconds(-1),
                        Map.of(),
                        List.of("kind"),
                        GROUP_WAIT,
                        GROUP_INTERVAL,
                        REPEAT))
                .hasMessageContaining("observatory.alerts.for is negative");
    }

    private void fireDiskAt(long seconds) {
        evaluate(seconds, critical("disk", "gw-1"));
        evaluate(seconds + 60, critical("disk", "gw-1"));
        assertThat(book.active().get("disk:gw-1").phase()).isEqualTo(AlertPhase.FIRING);
    }

    private void evaluate(long seconds, CheckResult... results) {
        book = machine.evaluate(book, at(seconds), List.of(results));
    }

    private List<GroupNotification> flush(long seconds) {
        AlertStateMachine.Flush flush = machine.flush(book, at(seconds));
        book = flush.book();
        sent.addAll(flush.notifications());
        return flush.notifications();
    }

    private static AlertRules rules(List<String> groupBy, Map<String, Duration> forKind) {
        return new AlertRules(
                Set.of(CheckState.CRITICAL, CheckState.ERROR),
                FOR,
                forKind,
                groupBy,
                GROUP_WAIT,
                GROUP_INTERVAL,
                REPEAT);
    }

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    private static CheckResult critical(String kind, String target) {
        return problem(kind, target, CheckState.CRITICAL);
    }

    private static CheckResult ok(String kind, String target) {
        return problem(kind, target, CheckState.OK);
    }

    private static CheckResult problem(String kind, String target, CheckState state) {
        return CheckResult.of(kind, target, state, 0.93, "ratio", kind + " of " + target + " is " + state, T0);
    }
}

package dev.uniwizard.mesh.observatory.snapshots;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.core.observatory.CheckResult;
import dev.uniwizard.mesh.core.observatory.CheckState;
import dev.uniwizard.mesh.core.observatory.CheckTransition;
import dev.uniwizard.mesh.observatory.notify.AlertRecords;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The check record and its retention in a real PostgreSQL database. */
class CheckStoreTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private static ObservatoryDatabase database;
    private static CheckStore store;

    @BeforeAll
    static void createDatabase() {
        database = ObservatoryDatabase.create();
        store = new CheckStore(database.jdbi());
    }

    private static AlertRecords alertRecords() {
        return new AlertRecords(database.jdbi());
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @BeforeEach
    void emptyTables() {
        database.jdbi()
                .useHandle(
                        handle -> handle.execute("TRUNCATE check_snapshots, check_transitions, alert_notifications"));
    }

    @Test
    void storesResultsAndTransitionsAndReadsTheLatestBack() {
        Instant earlier = NOW.minusSeconds(30);
        CheckResult diskWarn = result("disk", "gw-1", CheckState.WARN, 0.85, earlier);
        CheckResult gone = result("instance", "old-1", CheckState.CRITICAL, 300.0, earlier);
        store.record(List.of(diskWarn, gone), List.of(transition(diskWarn, null), transition(gone, null)));
        CheckResult diskCritical = result("disk", "gw-1", CheckState.CRITICAL, 0.95, NOW);
        CheckResult nats = new CheckResult("nats:server", "nats", "server", CheckState.ERROR, null, null, "down", NOW);
        store.record(
                List.of(diskCritical, nats),
                List.of(transition(diskCritical, CheckState.WARN), transition(nats, null)));

        assertThat(store.latest()).contains(List.of(diskCritical, nats));
        assertThat(store.lastStates())
                .isEqualTo(Map.of(
                        "disk:gw-1", CheckState.CRITICAL,
                        "nats:server", CheckState.ERROR,
                        "instance:old-1", CheckState.CRITICAL));
        List<CheckTransition> newestFirst = store.transitions(3);
        assertThat(newestFirst).hasSize(3);
        assertThat(newestFirst.getFirst().at()).isEqualTo(NOW);
        assertThat(newestFirst.getLast().at()).isEqualTo(earlier);
        assertThat(newestFirst)
                .contains(new CheckTransition(
                        "disk:gw-1", CheckState.WARN, CheckState.CRITICAL, 0.95, "disk:gw-1 is critical", NOW));
        assertThat(store.transitions(10)).hasSize(4);
    }

    @Test
    void nothingStoredMeansNoLatestAndNoStates() {
        assertThat(store.latest()).isEmpty();
        assertThat(store.lastStates()).isEmpty();
        assertThat(store.transitions(5)).isEmpty();
        assertThat(alertRecords().newest(5)).isEmpty();
    }

    @Test
    void retentionDeletesOnlyRowsOlderThanTheCutoffInBatches() {
        Instant old = NOW.minus(Duration.ofDays(31));
        for (int i = 0; i < 5; i++) {
            CheckResult ancient = result("cpu", "n-" + i, CheckState.OK, 0.1, old.plusSeconds(i));
            store.record(List.of(ancient), List.of(transition(ancient, null)));
            insertNotification("old-" + i, old.plusSeconds(i));
        }
        CheckResult recent = result("cpu", "n-0", CheckState.WARN, 0.9, NOW.minus(Duration.ofDays(29)));
        store.record(List.of(recent), List.of(transition(recent, CheckState.OK)));
        insertNotification("recent", NOW.minus(Duration.ofDays(1)));

        Map<String, Long> deleted = new Retention(database.jdbi(), 2).deleteBefore(NOW.minus(Duration.ofDays(30)));

        assertThat(deleted)
                .containsExactly(
                        Map.entry("check_snapshots", 5L),
                        Map.entry("check_transitions", 5L),
                        Map.entry("alert_notifications", 5L));
        assertThat(count("check_snapshots")).isEqualTo(1);
        assertThat(count("check_transitions")).isEqualTo(1);
        assertThat(alertRecords().newest(10))
                .extracting(record -> record.notificationId())
                .containsExactly("recent");
        assertThat(new Retention(database.jdbi(), 2).deleteBefore(NOW.minus(Duration.ofDays(30))))
                .containsValues(0L, 0L, 0L);
    }

    @Test
    void readsNotificationsNewestFirstAsAlertRecords() {
        insertNotification("n-1", NOW.minusSeconds(60));
        insertNotification("n-2", NOW);

        assertThat(alertRecords().newest(1)).singleElement().satisfies(record -> {
            assertThat(record.notificationId()).isEqualTo("n-2");
            assertThat(record.groupKey()).isEqualTo("group");
            assertThat(record.status()).isEqualTo("firing");
            assertThat(record.channel()).isEqualTo("webhook");
            assertThat(record.destination()).isEqualTo("http://hooks.example/x");
            assertThat(record.delivered()).isFalse();
            assertThat(record.error()).isEqualTo("503 from the webhook");
            assertThat(record.alerts()).isEqualTo(2);
            assertThat(record.text()).isEqualTo("body of n-2");
            assertThat(record.sentAt()).isEqualTo(NOW);
        });
        assertThat(alertRecords().newest(5))
                .extracting(record -> record.notificationId())
                .containsExactly("n-2", "n-1");
    }

    private static CheckResult result(String kind, String target, CheckState state, Double value, Instant at) {
        return CheckResult.of(kind, target, state, value, "ratio", kind + ":" + target + " is " + state.wireName(), at);
    }

    private static CheckTransition transition(CheckResult result, CheckState from) {
        return new CheckTransition(result.id(), from, result.state(), result.value(), result.message(), result.at());
    }

    private void insertNotification(String id, Instant sentAt) {
        database.jdbi().useHandle(handle -> handle.createUpdate(
                        "INSERT INTO alert_notifications (notification_id, group_key, status, channel, destination,"
                                + " delivered, error, alerts, body, sent_at) VALUES (:id, 'group', 'firing', 'webhook',"
                                + " 'http://hooks.example/x', false, '503 from the webhook', 2, :body, :at)")
                .bind("id", id)
                .bind("body", "body of " + id)
                .bind("at", sentAt.atOffset(ZoneOffset.UTC))
                .execute());
    }

    private long count(String table) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT count(*) FROM " + table)
                .mapTo(Long.class)
                .one());
    }
}

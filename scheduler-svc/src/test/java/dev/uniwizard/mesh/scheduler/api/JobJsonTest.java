package dev.uniwizard.mesh.scheduler.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.uniwizard.mesh.core.jobs.JobSchedule;
import dev.uniwizard.mesh.core.jobs.JobSpec;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Strict reading of job bodies: what is refused, and that the answer names the field and says where. */
class JobJsonTest {

    @Test
    void readsAFullJob() {
        JobSpec spec = JobJson.spec("""
                {"name": "disk", "schedule": {"everySeconds": 300},
                 "target": {"house": "bezalel", "tool": "disk_usage", "args": {"path": "/srv"}},
                 "delivery": {"platform": "slack", "chat": "C1", "thread": "1712.5"}, "enabled": false,
                 "misfirePolicy": "skip", "maxRunSeconds": 60, "overlapPolicy": "queue"}""");

        assertThat(spec.name()).isEqualTo("disk");
        assertThat(spec.schedule().everySeconds()).isEqualTo(300L);
        assertThat(spec.target().args()).containsEntry("path", "/srv");
        assertThat(spec.delivery().thread()).isEqualTo("1712.5");
        assertThat(spec.enabled()).isFalse();
        assertThat(spec.maxRunSeconds()).isEqualTo(60L);
    }

    @Test
    void readsASchedule() {
        JobSchedule schedule = JobJson.schedule("""
                {"event": {"subject": "mesh.events.deadletter", "match": {"/reason": "max_deliver"}}}""");

        assertThat(schedule.event().match()).containsEntry("/reason", "max_deliver");
    }

    @Test
    void anUnknownFieldIsNamedWithThePathAndTheKnownFields() {
        assertRefused(
                () -> JobJson.spec("{\"name\": \"x\", \"target\": {\"house\": \"ezra\", \"promt\": \"hi\"}}"),
                "unknown_field",
                "target.promt",
                "unknown field 'target.promt'; known here: args, house, prompt, tool");
        assertRefused(
                () -> JobJson.schedule("{\"cron\": \"* * * * *\", \"timezone\": \"UTC\"}"),
                "unknown_field",
                "timezone",
                "known here: cron, event, everySeconds, zone");
    }

    @Test
    void textThatIsNotJsonIsAnsweredWithLineAndColumn() {
        assertRefused(
                () -> JobJson.spec("{\"name\": \"x\",\n  \"schedule\": {\"cron\": \"* * * * *\"\n}"),
                "invalid_json",
                null,
                "the body is not valid JSON (line 3, column 2)");
        assertRefused(() -> JobJson.spec("{\"name\": \"x\"} trailing"), "invalid_json", null, "not valid JSON");
        assertRefused(() -> JobJson.spec("{\"name\": \"a\", \"name\": \"b\"}"), "invalid_json", null, "name");
    }

    @Test
    void aValueOfTheWrongTypeNamesItsField() {
        assertRefused(
                () -> JobJson.spec("{\"schedule\": {\"everySeconds\": 1.5}}"),
                "invalid_json",
                "schedule.everySeconds",
                "field 'schedule.everySeconds' has the wrong type");
        assertRefused(() -> JobJson.spec("{\"enabled\": \"yes\"}"), "invalid_json", "enabled", "field 'enabled'");
        assertRefused(
                () -> JobJson.spec("{\"target\": {\"args\": [\"a\"]}}"), "invalid_json", "target.args", "target.args");
        assertRefused(() -> JobJson.spec("[1]"), "invalid_json", null, "the body does not fit a job like");
    }

    @Test
    void anEmptyOrNullBodyIsRefused() {
        assertRefused(() -> JobJson.spec(""), "invalid_json", null, "the request needs a JSON body: a job like");
        assertRefused(() -> JobJson.spec("null"), "invalid_json", null, "the body is null");
        assertRefused(() -> JobJson.schedule("  "), "invalid_json", null, "a schedule like");
    }

    private static void assertRefused(ThrowingCallable read, String code, String field, String message) {
        assertThatThrownBy(read).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).contains(message);
        });
    }
}

package dev.uniwizard.mesh.scheduler.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.payload.TaskPayload;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import dev.uniwizard.mesh.testkit.SubjectRecorder;
import io.nats.client.Connection;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The jobs API against real PostgreSQL and NATS: CRUD, validation naming the field, preview, pause, run now, runs. */
@QuarkusTest
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {
            @ResourceArg(name = "node", value = "scheduler-test"),
            @ResourceArg(name = "role", value = "service"),
            @ResourceArg(name = "database", value = "true")
        })
class JobsResourceTest {

    private static final String JOBS = "/api/v1/jobs";
    private static final AtomicInteger NAMES = new AtomicInteger();

    /** Yearly, so that no tick fires while a test runs. */
    private static final String YEARLY = "{\"cron\": \"0 0 1 1 *\"}";

    @Inject
    Connection connection;

    @Inject
    Subjects subjects;

    @Test
    void createsReadsListsReplacesAndDeletesAJob() {
        String name = newName("standup");
        String job = """
                {"name": "%s", "schedule": {"cron": "0 9 * * MON-FRI", "zone": "Europe/Berlin"},
                 "target": {"house": "ezra", "prompt": "Summarize yesterday's issues"},
                 "delivery": {"platform": "telegram", "chat": "123456"}}""".formatted(name);

        ValidatableResponse created = post(JOBS, job)
                .statusCode(201)
                .header("Location", endsWith(JOBS + "/" + name))
                .body("spec.name", equalTo(name))
                .body("spec.schedule.cron", equalTo("0 9 * * MON-FRI"))
                .body("spec.schedule.zone", equalTo("Europe/Berlin"))
                .body("spec.target.house", equalTo("ezra"))
                .body("spec.delivery.platform", equalTo("telegram"))
                .body("spec.enabled", equalTo(true))
                .body("spec.misfirePolicy", equalTo("run_once"))
                .body("spec.maxRunSeconds", equalTo(600))
                .body("spec.overlapPolicy", equalTo("skip"))
                .body("enabled", equalTo(true))
                .body("nextFireAt", notNullValue())
                .body("nextFireTimes", hasSize(5))
                .body("createdAt", notNullValue())
                .body("lastRun", nullValue());
        List<String> times = created.extract().jsonPath().getList("nextFireTimes", String.class);
        Instant nextFireAt = Instant.parse(created.extract().jsonPath().getString("nextFireAt"));
        assertThat(OffsetDateTime.parse(times.getFirst()).toInstant()).isEqualTo(nextFireAt);
        assertThat(times).allSatisfy(time -> assertThat(time).matches(".*T09:00(:00)?\\+0[12]:00"));

        post(JOBS, job)
                .statusCode(409)
                .body("error", equalTo("job_exists"))
                .body("field", equalTo("name"))
                .body("message", containsString(name));

        given().get(JOBS + "/" + name).then().statusCode(200).body("spec.name", equalTo(name));
        given().get(JOBS).then().statusCode(200).body("spec.name", hasItem(name));

        put(name, """
                {"schedule": {"everySeconds": 3600}, "target": {"house": "bezalel", "tool": "disk_usage",
                 "args": {"path": "/srv"}}, "overlapPolicy": "queue"}""")
                .statusCode(200)
                .body("spec.name", equalTo(name))
                .body("spec.schedule.everySeconds", equalTo(3600))
                .body("spec.schedule.cron", nullValue())
                .body("spec.target.tool", equalTo("disk_usage"))
                .body("spec.delivery", nullValue())
                .body("spec.overlapPolicy", equalTo("queue"))
                .body("nextFireTimes[0]", endsWith("Z"));
        put(
                        name,
                        "{\"name\": \"other\", \"schedule\": " + YEARLY
                                + ", \"target\": {\"house\": \"ezra\", \"prompt\":" + " \"x\"}}")
                .statusCode(400)
                .body("error", equalTo("invalid_job"))
                .body("field", equalTo("name"));
        put("no-such-job", "{\"schedule\": " + YEARLY + ", \"target\": {\"house\": \"ezra\", \"prompt\": \"x\"}}")
                .statusCode(404)
                .body("error", equalTo("no_such_job"));

        given().header(Operator.HEADER, "alice")
                .delete(JOBS + "/" + name)
                .then()
                .statusCode(204);
        given().get(JOBS + "/" + name)
                .then()
                .statusCode(404)
                .body("error", equalTo("no_such_job"))
                .body("message", equalTo("there is no job named '" + name + "'"));
        given().delete(JOBS + "/" + name).then().statusCode(404);
        given().get(JOBS).then().statusCode(200).body("spec.name", not(hasItem(name)));
    }

    @Test
    void invalidJobsAreRefusedNamingTheField() {
        refused(
                job(newName("cron"), "{\"cron\": \"0 9 * * FUNDAY\"}", "{\"house\": \"ezra\", \"prompt\": \"x\"}"),
                "invalid_job",
                "schedule.cron",
                "FUNDAY");
        refused(
                job(newName("cron"), "{\"cron\": \"0 25 * * *\"}", "{\"house\": \"ezra\", \"prompt\": \"x\"}"),
                "invalid_job",
                "schedule.cron",
                "25");
        refused(
                job(
                        newName("zone"),
                        "{\"cron\": \"0 9 * * *\", \"zone\": \"Mars/Olympus\"}",
                        "{\"house\": \"ezra\", \"prompt\": \"x\"}"),
                "invalid_job",
                "schedule.zone",
                "Mars/Olympus");
        refused(
                job(newName("both"), YEARLY, "{\"house\": \"ezra\", \"prompt\": \"x\", \"tool\": \"disk_usage\"}"),
                "invalid_job",
                "target",
                "");
        refused(
                job(newName("house"), YEARLY, "{\"house\": \"merlin\", \"prompt\": \"x\"}"),
                "invalid_job",
                "target.house",
                "merlin");
        refused(
                job(
                        newName("event"),
                        "{\"event\": {\"subject\": \"elsewhere.thing\"}}",
                        "{\"house\": \"ezra\", \"prompt\": \"x\"}"),
                "invalid_job",
                "schedule.event.subject",
                "must start with " + subjects.root() + ".events.");
        refused(job("Not A Name", YEARLY, "{\"house\": \"ezra\", \"prompt\": \"x\"}"), "invalid_job", "name", "");
        refused("{\"name\": \"x\", \"schedule\": {\"crn\": \"* * * * *\"}}", "unknown_field", "schedule.crn", "cron");
        refused("{\"name\": \"x\", \"colour\": \"blue\"}", "unknown_field", "colour", "schedule");
        refused(
                "{\"name\": \"x\", \"schedule\": {\"everySeconds\": \"often\"}}",
                "invalid_json",
                "schedule.everySeconds",
                "");
        post(JOBS, "{\"name\": \"x\",\n \"schedule\": }")
                .statusCode(400)
                .body("error", equalTo("invalid_json"))
                .body("message", containsString("line 2, column"))
                .body("field", nullValue());
        post(JOBS, "").statusCode(400).body("error", equalTo("invalid_json")).body("message", containsString("body"));
        post(JOBS, "[1, 2]").statusCode(400).body("error", equalTo("invalid_json"));
    }

    @Test
    void previewShowsTheNextFiveTicksOrNamesTheField() {
        post(JOBS + "/preview", "{\"cron\": \"30 2 * * *\", \"zone\": \"Europe/Berlin\"}")
                .statusCode(200)
                .body("description", containsString("Europe/Berlin"))
                .body("nextFireTimes", hasSize(5))
                .body("nextFireTimes[0]", containsString(":30"));
        post(JOBS + "/preview", "{\"everySeconds\": 30}")
                .statusCode(200)
                .body("description", containsString("30"))
                .body("nextFireTimes", hasSize(5))
                .body("nextFireTimes[0]", endsWith("Z"));
        post(JOBS + "/preview", "{\"event\": {\"subject\": \"" + subjects.events("deadletter") + "\"}}")
                .statusCode(200)
                .body("nextFireTimes", hasSize(0));

        post(JOBS + "/preview", "{\"cron\": \"0 9 * * * * *\"}")
                .statusCode(400)
                .body("error", equalTo("invalid_schedule"))
                .body("field", equalTo("cron"));
        post(JOBS + "/preview", "{\"cron\": \"0 9 * * *\", \"zone\": \"Europe/Berln\"}")
                .statusCode(400)
                .body("field", equalTo("zone"))
                .body("message", containsString("Europe/Berlin"));
        post(JOBS + "/preview", "{}")
                .statusCode(400)
                .body("error", equalTo("invalid_schedule"))
                .body("field", nullValue());
        post(JOBS + "/preview", "{\"cron\": \"* * * * *\", \"zome\": \"UTC\"}")
                .statusCode(400)
                .body("error", equalTo("unknown_field"))
                .body("field", equalTo("zome"));
    }

    @Test
    void pauseStopsAJobAndResumeCountsItsNextTickFromNow() {
        String name = newName("pausable");
        post(JOBS, job(name, "{\"everySeconds\": 3600}", "{\"house\": \"ezra\", \"prompt\": \"x\"}"))
                .statusCode(201);

        given().header(Operator.HEADER, "alice")
                .post(JOBS + "/" + name + "/pause")
                .then()
                .statusCode(200)
                .body("enabled", equalTo(false))
                .body("spec.enabled", equalTo(false))
                .body("nextFireAt", nullValue())
                .body("nextFireTimes", hasSize(5));
        // A replacement that does not say enabled keeps the job paused.
        put(name, "{\"schedule\": {\"everySeconds\": 7200}, \"target\": {\"house\": \"ezra\", \"prompt\": \"y\"}}")
                .statusCode(200)
                .body("enabled", equalTo(false))
                .body("nextFireAt", nullValue());

        Instant before = Instant.now();
        String next = given().post(JOBS + "/" + name + "/resume")
                .then()
                .statusCode(200)
                .body("enabled", equalTo(true))
                .body("spec.enabled", equalTo(true))
                .extract()
                .path("nextFireAt");
        assertThat(Instant.parse(next)).isAfter(before).isBefore(before.plusSeconds(7201));
        // Resuming a running job, or replacing it with the same schedule, keeps its pending tick.
        given().post(JOBS + "/" + name + "/resume").then().statusCode(200).body("nextFireAt", equalTo(next));
        put(name, "{\"schedule\": {\"everySeconds\": 7200}, \"target\": {\"house\": \"ezra\", \"prompt\": \"z\"}}")
                .statusCode(200)
                .body("spec.target.prompt", equalTo("z"))
                .body("nextFireAt", equalTo(next));

        post(
                        JOBS,
                        job(newName("born-paused"), YEARLY, "{\"house\": \"ezra\", \"prompt\": \"x\"}")
                                .replace("}}", "}, \"enabled\": false}"))
                .statusCode(201)
                .body("enabled", equalTo(false))
                .body("nextFireAt", nullValue());
        given().post(JOBS + "/no-such-job/pause").then().statusCode(404).body("error", equalTo("no_such_job"));
        given().post(JOBS + "/no-such-job/resume").then().statusCode(404).body("error", equalTo("no_such_job"));
    }

    @Test
    void runNowPublishesTheTaskToTheHouseAndRecordsTheRun() {
        String name = newName("run-now");
        post(JOBS, job(name, YEARLY, "{\"house\": \"ezra\", \"prompt\": \"check the disks\"}"))
                .statusCode(201);

        try (SubjectRecorder tasks = SubjectRecorder.watch(connection, subjects.task("ezra"))) {
            String taskId = given().header(Operator.HEADER, "alice")
                    .post(JOBS + "/" + name + "/run")
                    .then()
                    .statusCode(202)
                    .body("job", equalTo(name))
                    .body("firedAt", notNullValue())
                    .body("node", equalTo("scheduler-test"))
                    .body("outcome", notNullValue())
                    .body("taskId", notNullValue())
                    .extract()
                    .path("taskId");

            Envelope task = tasks.awaitEnvelope(subjects.task("ezra"));
            assertThat(task.kind()).isEqualTo(EnvelopeKind.TASK);
            assertThat(task.id()).isEqualTo(taskId);
            assertThat(task.house()).isEqualTo("ezra");
            assertThat(task.conversationId()).isEqualTo("job:" + name);
            TaskPayload payload = SubjectRecorder.payload(task, TaskPayload.class);
            assertThat(payload.text()).isEqualTo("check the disks");
            assertThat(payload.replyPlatform()).isEqualTo("scheduler");
            assertThat(payload.routedBecause()).contains(name);
        }

        given().post(JOBS + "/" + name + "/run").then().statusCode(202);
        List<Integer> ids = given().get(JOBS + "/" + name + "/runs")
                .then()
                .statusCode(200)
                .body("$", hasSize(2))
                .body("job", equalTo(List.of(name, name)))
                .extract()
                .path("id");
        assertThat(ids.get(0)).isGreaterThan(ids.get(1));
        given().queryParam("limit", 1)
                .get(JOBS + "/" + name + "/runs")
                .then()
                .statusCode(200)
                .body("$", hasSize(1));
        given().get(JOBS + "/" + name).then().statusCode(200).body("lastRun.id", equalTo(ids.getFirst()));

        for (String limit : List.of("0", "501", "many")) {
            given().queryParam("limit", limit)
                    .get(JOBS + "/" + name + "/runs")
                    .then()
                    .statusCode(400)
                    .body("error", equalTo("bad_parameter"))
                    .body("field", equalTo("limit"))
                    .body("message", startsWith("limit must be a whole number from 1 to 500"));
        }
        given().get(JOBS + "/no-such-job/runs").then().statusCode(404).body("error", equalTo("no_such_job"));
        given().post(JOBS + "/no-such-job/run").then().statusCode(404).body("error", equalTo("no_such_job"));
    }

    @Test
    void unknownPathsAndMethodsAnswerJson() {
        given().patch(JOBS + "/x").then().statusCode(405).body("error", notNullValue());
    }

    private static void refused(String body, String error, String field, String inMessage) {
        post(JOBS, body)
                .statusCode(400)
                .body("error", equalTo(error))
                .body("field", equalTo(field))
                .body("message", containsString(inMessage));
    }

    private static String job(String name, String schedule, String target) {
        return "{\"name\": \"" + name + "\", \"schedule\": " + schedule + ", \"target\": " + target + "}";
    }

    private static String newName(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet();
    }

    private static ValidatableResponse post(String path, String body) {
        return given().contentType(ContentType.JSON)
                .header(Operator.HEADER, "alice")
                .body(body)
                .post(path)
                .then();
    }

    private static ValidatableResponse put(String name, String body) {
        return given().contentType(ContentType.JSON)
                .header(Operator.HEADER, "alice")
                .body(body)
                .put(JOBS + "/" + name)
                .then();
    }
}

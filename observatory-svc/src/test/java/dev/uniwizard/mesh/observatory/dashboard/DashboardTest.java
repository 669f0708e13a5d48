package dev.uniwizard.mesh.observatory.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.payload.ToolCallEvent;
import dev.uniwizard.mesh.core.payload.TurnEvent;
import dev.uniwizard.mesh.core.signing.EnvelopeSigner;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.observatory.stats.NovaHouseKey;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import dev.uniwizard.mesh.testkit.TestKeyring;
import io.nats.client.JetStream;
import io.nats.client.PublishOptions;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The dashboard at {@code /}, loaded in a real headless Chromium: it renders the mesh status, the houses' figures and
 * their uPlot charts, and says "not available" for endpoints that answer an error.
 */
@QuarkusTest
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {
            @ResourceArg(name = "node", value = "observatory-stats"),
            @ResourceArg(name = "role", value = "service"),
            @ResourceArg(name = "database", value = "true")
        })
@WithTestResource(NovaHouseKey.class)
class DashboardTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    JetStream jetStream;

    @Inject
    Subjects subjects;

    @Inject
    Jdbi jdbi;

    @Test
    void servesThePageAndTheVendoredUplotItself() {
        given().when()
                .get("/")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("data-panel=\"houses\""))
                .body(containsString("vendor/uplot/uPlot.iife.min.js"));
        given().when()
                .get("/vendor/uplot/uPlot.iife.min.js")
                .then()
                .statusCode(200)
                .contentType(containsString("javascript"))
                .body(containsString("uPlot"));
        given().when()
                .get("/vendor/uplot/uPlot.min.css")
                .then()
                .statusCode(200)
                .contentType(containsString("text/css"));
        given().when().get("/dashboard.js").then().statusCode(200).contentType(containsString("javascript"));
    }

    @Test
    void rendersTheHousesChartsInAHeadlessBrowser() throws Exception {
        publishTimmysTurns();

        String dom = HeadlessChromium.dumpDom(url("/"));

        assertThat(dom).contains("data-ready=\"true\"");
        assertThat(panelState(dom, "mesh")).isEqualTo("loaded");
        assertThat(panelState(dom, "houses")).isEqualTo("loaded");
        assertThat(panelState(dom, "checks")).isIn("loaded", "unavailable");
        assertThat(panelState(dom, "slo")).isIn("loaded", "unavailable");
        for (String chart : List.of("timmy-activity", "timmy-duration", "ezra-activity", "bezalel-duration")) {
            assertThat(dom)
                    .as("chart %s is drawn", chart)
                    .containsPattern("data-chart=\"" + chart + "\"[^>]*data-rendered=\"true\"");
        }
        assertThat(dom).contains("class=\"uplot").contains("<canvas");
        assertThat(count(dom, "<canvas")).as("one canvas per chart").isGreaterThanOrEqualTo(6);
        assertThat(dom).contains("data-house=\"timmy\"").contains("tool calls / turn");
    }

    @Test
    void saysNotAvailableForEndpointsThatAnswerAnError() throws Exception {
        String dom = HeadlessChromium.dumpDom(url("/dashboard-unavailable.html"));

        assertThat(dom).contains("data-ready=\"true\"");
        assertThat(panelState(dom, "mesh")).isEqualTo("loaded");
        assertThat(panelState(dom, "checks")).isEqualTo("unavailable");
        assertThat(panelState(dom, "slo")).isEqualTo("unavailable");
        assertThat(panelState(dom, "houses")).isEqualTo("unavailable");
        assertThat(dom)
                .contains("not available")
                .contains("answered HTTP 400: since must be an ISO-8601 instant")
                .contains("api/v1/no-such-endpoint answered HTTP 404")
                .contains("answered HTTP 400: step 1 s gives");
    }

    private void publishTimmysTurns() {
        EnvelopeSigner timmy = TestKeyring.shared().signer("timmy-test", NodeRole.HOUSE);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Instant at = Instant.now().minus(Duration.ofMinutes(5L * i));
            ids.add(publish(
                    timmy,
                    Subjects.EVENT_TURN,
                    new TurnEvent(
                            "timmy",
                            UUID.randomUUID().toString(),
                            UUID.randomUUID().toString(),
                            "dashboard",
                            "sovereign",
                            i == 3 ? "failed" : "ok",
                            1,
                            150L * (i + 1),
                            1,
                            "operator",
                            Map.of("operator", 1),
                            null,
                            at)));
            publish(
                    timmy,
                    Subjects.EVENT_TOOL_CALL,
                    new ToolCallEvent("timmy", "echo", "sha256:00", "ok", 1, 5, "sovereign", "dashboard", "c", at));
        }
        await().atMost(Duration.ofSeconds(15))
                .until(() -> jdbi.withHandle(handle -> handle.createQuery(
                                        "SELECT count(*) FROM turn_events WHERE envelope_id = ANY (:ids::uuid[])")
                                .bindArray("ids", String.class, ids)
                                .mapTo(Integer.class)
                                .one())
                        == ids.size());
    }

    private String publish(EnvelopeSigner signer, String type, Object payload) {
        Envelope envelope =
                signer.originate(EnvelopeKind.EVENT, "dashboard", null, Sender.system(signer.nodeId()), payload, null);
        try {
            jetStream.publish(
                    subjects.events(type),
                    EnvelopeCodec.toBytes(envelope),
                    PublishOptions.builder().messageId(envelope.id()).build());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return envelope.id();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + root.getPort() + path;
    }

    /** The data-state of a panel in the dumped DOM. */
    private static String panelState(String dom, String panel) {
        Matcher section = Pattern.compile("<section[^>]*data-panel=\"" + panel + "\"[^>]*>")
                .matcher(dom);
        assertThat(section.find()).as("panel %s is in the page", panel).isTrue();
        Matcher state = Pattern.compile("data-state=\"([a-z]+)\"").matcher(section.group());
        return state.find() ? state.group(1) : "none";
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}

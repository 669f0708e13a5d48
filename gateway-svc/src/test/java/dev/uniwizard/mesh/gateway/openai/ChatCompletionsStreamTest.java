package dev.uniwizard.mesh.gateway.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.payload.ReplyPayload;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.gateway.replies.ReplyWaiters;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code stream: true}, read as an OpenAI client reads it: line by line, as the events arrive. */
@QuarkusTest
@TestProfile(OpenAiTestProfile.class)
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {@ResourceArg(name = "node", value = "gateway-test"), @ResourceArg(name = "role", value = "gateway")
        })
@Timeout(30)
class ChatCompletionsStreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/v1/chat/completions")
    URI completions;

    @Inject
    Connection connection;

    @Inject
    JetStream jetStream;

    @Inject
    Subjects subjects;

    @Inject
    ReplyWaiters waiters;

    private final HttpClient client = HttpClient.newHttpClient();
    private HouseStandIn house;

    @AfterEach
    void stopAnswering() {
        if (house != null) {
            house.close();
        }
    }

    @Test
    void streamsTheRoleFirstThenTheAnswerTheFinishAndDone() throws Exception {
        house = HouseStandIn.silent(connection, jetStream, subjects);

        HttpResponse<Stream<String>> response = post(stream("ezra", "hi", false), "10");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        Iterator<String> lines = response.body().iterator();

        // The house has not answered yet: the role chunk must arrive on its own, flushed at once.
        JsonNode first = data(nextEvent(lines));
        Envelope message = await().until(() -> house.receivedSoFar(), list -> !list.isEmpty())
                .getFirst();
        assertThat(first.path("object").asText()).isEqualTo("chat.completion.chunk");
        assertThat(first.path("id").asText()).isEqualTo("chatcmpl-" + message.id());
        assertThat(first.path("model").asText()).isEqualTo("ezra");
        assertThat(first.path("choices").get(0).path("delta").path("role").asText())
                .isEqualTo("assistant");
        assertThat(first.path("choices").get(0).path("finish_reason").isNull()).isTrue();
        assertThat(response.headers().firstValue(ChatCompletionsResource.CONVERSATION_RESPONSE_HEADER))
                .contains(message.conversationId());

        house.reply(message, "answer", ReplyPayload.ok("ezra", "hello there"));

        JsonNode content = data(nextEvent(lines));
        JsonNode finish = data(nextEvent(lines));
        String done = nextEvent(lines);
        assertThat(content.path("id").asText()).isEqualTo(first.path("id").asText());
        assertThat(content.path("choices").get(0).path("delta").path("content").asText())
                .isEqualTo("hello there");
        assertThat(finish.path("id").asText()).isEqualTo(first.path("id").asText());
        assertThat(finish.path("choices").get(0).path("finish_reason").asText()).isEqualTo("stop");
        assertThat(finish.path("choices").get(0).path("delta").isEmpty()).isTrue();
        assertThat(done).isEqualTo("data: [DONE]");
        List<String> rest = new ArrayList<>();
        lines.forEachRemaining(rest::add);
        assertThat(rest).as("what follows [DONE]").allMatch(String::isEmpty);
        await().until(() -> waiters.size() == 0);
    }

    @Test
    void streamsAnInterimNoticeBeforeTheAnswerAndUsageWhenAsked() throws Exception {
        house = new HouseStandIn(
                connection,
                jetStream,
                subjects,
                message -> List.of(
                        ReplyPayload.pending("ezra", "Waiting for approval 0195"),
                        ReplyPayload.ok("ezra", "approved and written")));

        // The official clients ask for JSON even when they stream.
        HttpResponse<Stream<String>> response =
                post(stream("ezra", "/mode sovereign write it", true), "10", "application/json");
        List<String> events = allEvents(response.body().iterator());

        assertThat(events).hasSize(6);
        assertThat(delta(events.get(0)).path("role").asText()).isEqualTo("assistant");
        assertThat(delta(events.get(1)).path("content").asText()).isEqualTo("⏳ Waiting for approval 0195\n\n");
        assertThat(delta(events.get(2)).path("content").asText()).isEqualTo("approved and written");
        assertThat(data(events.get(3))
                        .path("choices")
                        .get(0)
                        .path("finish_reason")
                        .asText())
                .isEqualTo("stop");
        JsonNode usage = data(events.get(4));
        assertThat(usage.path("choices").isEmpty()).isTrue();
        assertThat(usage.path("usage").path("total_tokens").asInt()).isZero();
        assertThat(events.get(5)).isEqualTo("data: [DONE]");
    }

    @Test
    void keepsTheConnectionAliveThenEndsWithATimeoutError() throws Exception {
        house = HouseStandIn.silent(connection, jetStream, subjects);

        HttpResponse<Stream<String>> response = post(stream("ezra", "anyone there?", false), "2");
        List<String> lines = response.body().filter(line -> !line.isEmpty()).toList();

        assertThat(lines.getFirst()).startsWith("data: ");
        assertThat(lines).contains(": keep-alive");
        JsonNode error = data(lines.getLast()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("timeout");
        assertThat(error.path("message").asText())
                .contains("within 2 s")
                .contains(house.received().getFirst().conversationId());
        assertThat(lines).doesNotContain("data: [DONE]");
        await().until(() -> waiters.size() == 0);
    }

    @Test
    void answersRefusalsAsJsonBeforeAnyStreamStarts() throws Exception {
        house = HouseStandIn.silent(connection, jetStream, subjects);

        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(completions)
                        .header("Content-Type", "application/json")
                        .header("Accept", "text/event-stream")
                        .POST(HttpRequest.BodyPublishers.ofString(stream("merlin", "hi", false)))
                        .header("Authorization", "Bearer " + OpenAiTestProfile.ALICE_TOKEN)
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).path("error").path("code").asText())
                .isEqualTo("model_not_found");
        assertThat(house.received()).isEmpty();
    }

    private HttpResponse<Stream<String>> post(String body, String wait) throws Exception {
        return post(body, wait, "text/event-stream");
    }

    private HttpResponse<Stream<String>> post(String body, String wait, String accept) throws Exception {
        return client.send(
                HttpRequest.newBuilder(completions)
                        .header("Content-Type", "application/json")
                        .header("Accept", accept)
                        .header("Authorization", "Bearer " + OpenAiTestProfile.ALICE_TOKEN)
                        .header(ChatCompletionsResource.WAIT_HEADER, wait)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
    }

    private static String stream(String model, String text, boolean includeUsage) {
        return "{\"model\": \"" + model + "\", \"stream\": true"
                + (includeUsage ? ", \"stream_options\": {\"include_usage\": true}" : "")
                + ", \"messages\": [{\"role\": \"user\", \"content\": \"" + text + "\"}]}";
    }

    /** The next event's data line, skipping blank separators and comments. */
    private static String nextEvent(Iterator<String> lines) {
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.startsWith("data: ")) {
                return line;
            }
        }
        throw new AssertionError("the stream ended before the next event");
    }

    private static List<String> allEvents(Iterator<String> lines) {
        List<String> events = new ArrayList<>();
        lines.forEachRemaining(line -> {
            if (line.startsWith("data: ")) {
                events.add(line);
            }
        });
        return events;
    }

    private static JsonNode data(String event) throws Exception {
        assertThat(event).startsWith("data: ");
        return JSON.readTree(event.substring("data: ".length()));
    }

    private static JsonNode delta(String event) throws Exception {
        return data(event).path("choices").get(0).path("delta");
    }
}

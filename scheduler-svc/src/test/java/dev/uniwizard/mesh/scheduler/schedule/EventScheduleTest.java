package dev.uniwizard.mesh.scheduler.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventScheduleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void literalSubjectsMatchOnlyThemselves() throws Exception {
        EventSchedule schedule = EventSchedule.of("mesh.events.deadletter", null);

        assertThat(schedule.matches("mesh.events.deadletter", json("{}"))).isTrue();
        assertThat(schedule.matches("mesh.events.deadletter.x", json("{}"))).isFalse();
        assertThat(schedule.matches("mesh.events", json("{}"))).isFalse();
        assertThat(schedule.matches("mesh.events.security", json("{}"))).isFalse();
        assertThat(schedule.matches("", json("{}"))).isFalse();
        assertThat(schedule.matches(null, json("{}"))).isFalse();
    }

    @Test
    void starMatchesExactlyOneToken() throws Exception {
        EventSchedule schedule = EventSchedule.of("mesh.*.deadletter", null);

        assertThat(schedule.matches("mesh.events.deadletter", null)).isTrue();
        assertThat(schedule.matches("mesh.x.deadletter", null)).isTrue();
        assertThat(schedule.matches("mesh.deadletter", null)).isFalse();
        assertThat(schedule.matches("mesh.a.b.deadletter", null)).isFalse();
        assertThat(schedule.matches("mesh..deadletter", null)).isFalse();
    }

    @Test
    void greaterThanMatchesOneOrMoreTrailingTokens() throws Exception {
        EventSchedule schedule = EventSchedule.of("mesh.events.>", null);

        assertThat(schedule.matches("mesh.events.deadletter", null)).isTrue();
        assertThat(schedule.matches("mesh.events.delivery.extra", null)).isTrue();
        assertThat(schedule.matches("mesh.events", null)).isFalse();
        assertThat(schedule.matches("mesh.other.x", null)).isFalse();
        assertThat(EventSchedule.of("mesh.*.>", null).matches("mesh.events.x", null))
                .isTrue();
        assertThat(EventSchedule.of(">", null).matches("anything.at.all", null)).isTrue();
    }

    @Test
    void matchPointersCompareTextAndJsonTextOfOtherNodes() throws Exception {
        Map<String, String> match = new LinkedHashMap<>();
        match.put("/reason", "max_deliver");
        match.put("/attempts", "5");
        match.put("/detail/final", "true");
        EventSchedule schedule = EventSchedule.of("mesh.events.deadletter", match);

        assertThat(schedule.matches(
                        "mesh.events.deadletter",
                        json("{\"reason\":\"max_deliver\",\"attempts\":5,\"detail\":{\"final\":true}}")))
                .isTrue();
        assertThat(schedule.matches(
                        "mesh.events.deadletter",
                        json("{\"reason\":\"max_deliver\",\"attempts\":4,\"detail\":{\"final\":true}}")))
                .as("one value differs")
                .isFalse();
        assertThat(schedule.matches(
                        "mesh.events.deadletter", json("{\"reason\":\"max_deliver\",\"attempts\":5,\"detail\":{}}")))
                .as("a pointer leads nowhere")
                .isFalse();
        assertThat(schedule.matches("mesh.events.deadletter", null))
                .as("no payload")
                .isFalse();
        assertThat(schedule.matches(
                        "mesh.events.security",
                        json("{\"reason\":\"max_deliver\",\"attempts\":5,\"detail\":{\"final\":true}}")))
                .as("the subject differs")
                .isFalse();
    }

    @Test
    void aTextNodeComparesByItsTextNotItsJson() throws Exception {
        EventSchedule schedule = EventSchedule.of("mesh.events.x", Map.of("/n", "5"));

        assertThat(schedule.matches("mesh.events.x", json("{\"n\":\"5\"}"))).isTrue();
        assertThat(schedule.matches("mesh.events.x", json("{\"n\":5}"))).isTrue();
        assertThat(schedule.matches("mesh.events.x", json("{\"n\":5.0}"))).isFalse();
        assertThat(EventSchedule.of("mesh.events.x", Map.of("/n", "null"))
                        .matches("mesh.events.x", json("{\"n\":null}")))
                .isTrue();
        assertThat(EventSchedule.of("mesh.events.x", Map.of("/list/1", "b"))
                        .matches("mesh.events.x", json("{\"list\":[\"a\",\"b\"]}")))
                .isTrue();
        assertThat(EventSchedule.of("mesh.events.x", Map.of("/o", "{\"a\":1}"))
                        .matches("mesh.events.x", json("{\"o\":{\"a\":1}}")))
                .isTrue();
        assertThat(EventSchedule.of("mesh.events.x", Map.of("/a~1b", "slash"))
                        .matches("mesh.events.x", json("{\"a/b\":\"slash\"}")))
                .isTrue();
    }

    @Test
    void badSubjectFiltersAreRejectedWithTheReason() {
        assertSubjectError(null).startsWith("the subject filter is missing");
        assertSubjectError(" ").startsWith("the subject filter is missing");
        assertSubjectError("mesh..events").contains("has an empty token");
        assertSubjectError("mesh.events.").contains("has an empty token");
        assertSubjectError(".mesh").contains("has an empty token");
        assertSubjectError("mesh.>.deadletter")
                .isEqualTo("'mesh.>.deadletter' has '>' before the last token: '>' may only be the last token");
        assertSubjectError("mesh.events.dead*")
                .isEqualTo("'mesh.events.dead*' has the token 'dead*' that mixes '*' with text: wildcards must be "
                        + "whole tokens (mesh.events.* or mesh.events.>)");
        assertSubjectError("mesh.events.dead letter")
                .isEqualTo("'mesh.events.dead letter' has the character '\\u0020' in the token 'dead letter': use "
                        + "letters, digits, '_' or '-' between the dots");
        assertSubjectError("mesh.events." + "x".repeat(300)).contains("at most 255");
    }

    @Test
    void badPointersAreRejectedWhenParsed() {
        assertMatchError(Map.of("reason", "x"))
                .isEqualTo("'reason' is not a JSON pointer: it must start with '/', e.g. /reason");
        assertMatchError(Map.of("/a~2", "x"))
                .isEqualTo("'/a~2' is not a valid JSON pointer: '~' must be followed by 0 or 1 (write ~0 for '~' and "
                        + "~1 for '/')");
        assertMatchError(Map.of("/a~", "x")).contains("'~' must be followed by 0 or 1");
        Map<String, String> missingValue = new LinkedHashMap<>();
        missingValue.put("/reason", null);
        assertMatchError(missingValue)
                .isEqualTo(
                        "the expected value for '/reason' is missing: give the text the " + "payload must have there");
    }

    @Test
    void eventSchedulesHaveNoTicksAndDescribeTheirFilter() throws Exception {
        Map<String, String> match = new LinkedHashMap<>();
        match.put("/reason", "x");
        match.put("/house", "ezra");
        EventSchedule schedule = EventSchedule.of("mesh.events.deadletter", match);

        assertThat(schedule.nextAfter(Instant.parse("2025-01-01T00:00:00Z"))).isEmpty();
        assertThat(schedule.describe())
                .isEqualTo("on events mesh.events.deadletter where /house = ezra and /reason = x");
        assertThat(EventSchedule.of("mesh.events.>", Map.of()).describe()).isEqualTo("on events mesh.events.>");
        assertThat(schedule.match()).containsExactly(Map.entry("/reason", "x"), Map.entry("/house", "ezra"));
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static org.assertj.core.api.AbstractStringAssert<?> assertSubjectError(String subject) {
        return assertError(() -> EventSchedule.of(subject, null), "schedule.event.subject");
    }

    private static org.assertj.core.api.AbstractStringAssert<?> assertMatchError(Map<String, String> match) {
        return assertError(() -> EventSchedule.of("mesh.events.x", match), "schedule.event.match");
    }

    private interface Parse {
        EventSchedule run() throws ScheduleException;
    }

    private static org.assertj.core.api.AbstractStringAssert<?> assertError(Parse parse, String field) {
        try {
            parse.run();
        } catch (ScheduleException e) {
            assertThat(e.field()).isEqualTo(field);
            return assertThat(e.getMessage());
        }
        assertThatThrownBy(parse::run).as("expected an error").isInstanceOf(ScheduleException.class);
        return assertThat("");
    }
}

package dev.uniwizard.mesh.router.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelAnswerTest {

    private static final List<String> HOUSES = List.of("timmy", "ezra", "bezalel");
    private static final List<String> LABELS = List.of("docs", "bug");

    @Test
    void aPlainOrFencedObjectIsRead() {
        assertThat(parse("{\"house\":\"Ezra\",\"labels\":[\"DOCS\"],\"reason\":\"a docs   question\"}"))
                .isEqualTo(new ModelAnswer.Valid(
                        new TriageDecision("ezra", List.of("docs"), "model: a docs question"), List.of()));
        assertThat(parse("Sure!\n```json\n{\"house\": \"bezalel\", \"reason\": \"a crash\"}\n```"))
                .isEqualTo(
                        new ModelAnswer.Valid(new TriageDecision("bezalel", List.of(), "model: a crash"), List.of()));
    }

    @Test
    void inventedLabelsAreDropped() {
        ModelAnswer.Parsed parsed =
                parse("{\"house\":\"ezra\",\"labels\":[\"docs\",\"urgent\",\"docs\",3],\"reason\":\"r\"}");

        assertThat(parsed).isInstanceOfSatisfying(ModelAnswer.Valid.class, valid -> {
            assertThat(valid.decision().labels()).containsExactly("docs");
            assertThat(valid.droppedLabels()).containsExactly("urgent", "3");
        });
    }

    @Test
    void unusableAnswersSayWhy() {
        assertThat(why("I think Ezra should do it")).startsWith("no JSON object in the answer");
        assertThat(why("{house: ezra}")).startsWith("the answer's object is not JSON");
        assertThat(why("{\"house\":\"gandalf\",\"reason\":\"r\"}"))
                .isEqualTo("\"house\" is \"gandalf\", not one of [timmy, ezra, bezalel]");
        assertThat(why("{\"reason\":\"r\"}")).isEqualTo("\"house\" is missing");
        assertThat(why("{\"house\":\"ezra\",\"reason\":\" \"}")).isEqualTo("\"reason\" is missing or blank");
        assertThat(why("{\"house\":\"ezra\",\"reason\":\"r\",\"labels\":\"docs\"}"))
                .isEqualTo("\"labels\" is not a list");
    }

    @Test
    void longReasonsAreCut() {
        String reason = "x".repeat(300);
        ModelAnswer.Parsed parsed = parse("{\"house\":\"ezra\",\"reason\":\"" + reason + "\"}");

        assertThat(((ModelAnswer.Valid) parsed).decision().reason())
                .hasSize("model: ".length() + ModelAnswer.MAX_REASON_CHARS + 3);
    }

    private static ModelAnswer.Parsed parse(String answer) {
        return ModelAnswer.parse(answer, HOUSES, LABELS);
    }

    private static String why(String answer) {
        return ((ModelAnswer.Invalid) parse(answer)).why();
    }
}

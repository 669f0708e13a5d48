package dev.uniwizard.mesh.gateway.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SlackEventsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void readsAChannelMessage() {
        SlackEvent event = read(
                "{\"type\":\"message\",\"user\":\"U1\",\"channel\":\"C1\",\"ts\":\"1.2\",\"text\":\"a &lt;b&gt; &amp;amp;\"}");

        assertThat(event).isEqualTo(new SlackEvent.Message("Ev1", "U1", "C1", "1.2", null, "a <b> &amp;"));
        SlackEvent.Message message = (SlackEvent.Message) event;
        assertThat(message.conversationId()).isEqualTo("slack:C1:1.2");
        assertThat(message.replyThread()).isEqualTo("1.2");
    }

    @Test
    void answersADirectMessageInTheDmItself() {
        SlackEvent.Message message = (SlackEvent.Message)
                read("{\"type\":\"message\",\"user\":\"U1\",\"channel\":\"D1\",\"ts\":\"1.7\",\"text\":\"hi\"}");

        assertThat(message.conversationId()).isEqualTo("slack:D1");
        assertThat(message.replyThread()).isNull();
    }

    @Test
    void keepsTheThreadOfAMessageInAThread() {
        SlackEvent.Message message =
                (SlackEvent.Message) read("{\"type\":\"message\",\"user\":\"U1\",\"channel\":\"C1\","
                        + "\"ts\":\"1.5\",\"thread_ts\":\"1.2\",\"text\":\"more\"}");

        assertThat(message.conversationId()).isEqualTo("slack:C1:1.2");
        assertThat(message.replyThread()).isEqualTo("1.2");
    }

    @Test
    void removesTheLeadingMentionOfTheBotFromAnAppMention() {
        SlackEvent.Message message = (SlackEvent.Message) read("{\"type\":\"app_mention\",\"user\":\"U1\","
                + "\"channel\":\"C1\",\"ts\":\"1.2\",\"text\":\"<@UBOT> @ezra hello <@U7>\"}");

        assertThat(message.text()).isEqualTo("@ezra hello <@U7>");
    }

    @Test
    void keepsALeadingMentionOfSomeoneElse() {
        assertThat(SlackEvents.withoutLeadingMention("<@U7> look", "UBOT")).isEqualTo("<@U7> look");
        assertThat(SlackEvents.withoutLeadingMention("<@U7|bob>: look", null)).isEqualTo("look");
    }

    @Test
    void ignoresMessagesOfBotsIncludingItsOwn() {
        assertThat(read("{\"type\":\"message\",\"bot_id\":\"B1\",\"user\":\"UBOT\",\"channel\":\"C1\",\"ts\":\"1.2\","
                        + "\"text\":\"a reply\"}"))
                .isEqualTo(new SlackEvent.Ignored("bot_message", "event Ev1 was written by a bot"));
    }

    @Test
    void ignoresEditsAndOtherSubtypes() {
        assertThat(read("{\"type\":\"message\",\"subtype\":\"message_changed\",\"channel\":\"C1\",\"ts\":\"1.2\"}"))
                .isInstanceOfSatisfying(
                        SlackEvent.Ignored.class, i -> assertThat(i.reason()).isEqualTo("subtype"));
    }

    @Test
    void ignoresAChannelMessageThatMentionsTheBotSinceItComesAsAnAppMention() {
        assertThat(read("{\"type\":\"message\",\"user\":\"U1\",\"channel\":\"C1\",\"channel_type\":\"channel\","
                        + "\"ts\":\"1.2\",\"text\":\"<@UBOT> hi\"}"))
                .isInstanceOfSatisfying(
                        SlackEvent.Ignored.class, i -> assertThat(i.reason()).isEqualTo("mention_as_message"));
        assertThat(read("{\"type\":\"message\",\"user\":\"U1\",\"channel\":\"D1\",\"channel_type\":\"im\","
                        + "\"ts\":\"1.2\",\"text\":\"<@UBOT> hi\"}"))
                .isInstanceOf(SlackEvent.Message.class);
    }

    @Test
    void ignoresOtherEventTypesAndMalformedEvents() {
        assertThat(read("{\"type\":\"reaction_added\",\"user\":\"U1\"}"))
                .isInstanceOfSatisfying(
                        SlackEvent.Ignored.class, i -> assertThat(i.reason()).isEqualTo("unhandled_type"));
        assertThat(read("{\"type\":\"message\",\"user\":\"U1\",\"channel\":\"C 1\",\"ts\":\"1.2\",\"text\":\"x\"}"))
                .isInstanceOfSatisfying(
                        SlackEvent.Ignored.class, i -> assertThat(i.reason()).isEqualTo("malformed"));
    }

    private static SlackEvent read(String event) {
        try {
            JsonNode callback = MAPPER.readTree("{\"type\":\"event_callback\",\"event_id\":\"Ev1\","
                    + "\"authorizations\":[{\"user_id\":\"UBOT\",\"is_bot\":true}],\"event\":" + event + "}");
            return SlackEvents.read(callback);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}

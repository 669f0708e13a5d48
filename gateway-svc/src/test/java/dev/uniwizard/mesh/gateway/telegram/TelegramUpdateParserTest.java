package dev.uniwizard.mesh.gateway.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.uniwizard.mesh.core.payload.ReplyAddress;
import dev.uniwizard.mesh.testkit.platforms.FakeTelegramBotApi;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TelegramUpdateParserTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final TelegramUpdateParser parser = new TelegramUpdateParser(Optional.of("MeshBot"));

    @Test
    void readsATextMessageInAForumTopic() throws Exception {
        TelegramUpdate update = parse(
                FakeTelegramBotApi.textUpdate(501, -1001234, 7L, 42, 1001, "Alice", "Liddell", "alice", "@ezra hello"));

        assertThat(update).isInstanceOf(TelegramUpdate.Text.class);
        TelegramUpdate.Text text = (TelegramUpdate.Text) update;
        assertThat(text.updateId()).isEqualTo(501);
        assertThat(text.fromId()).isEqualTo("1001");
        assertThat(text.displayName()).isEqualTo("Alice Liddell");
        assertThat(text.text()).isEqualTo("@ezra hello");
        assertThat(text.conversationId()).isEqualTo("telegram:-1001234:7");
        assertThat(text.replyTo()).isEqualTo(new ReplyAddress("-1001234", "7", "42", null));
    }

    @Test
    void aPrivateChatHasNoThread() throws Exception {
        TelegramUpdate.Text text =
                (TelegramUpdate.Text) parse(FakeTelegramBotApi.privateText(502, 1001, "Alice", "hi"));
        assertThat(text.conversationId()).isEqualTo("telegram:1001");
        assertThat(text.replyTo().thread()).isNull();
    }

    @Test
    void aReplyThreadOutsideAForumIsNotATopic() throws Exception {
        TelegramUpdate.Text text = (TelegramUpdate.Text) parse("""
                {"update_id":503,"message":{"message_id":9,"message_thread_id":5,"from":{"id":1,"is_bot":false,
                "first_name":"A"},"chat":{"id":-77,"type":"supergroup"},"text":"hi"}}""");
        assertThat(text.threadId()).isNull();
        assertThat(text.conversationId()).isEqualTo("telegram:-77");
    }

    @Test
    void stripsTheBotUsernameFromALeadingCommand() {
        assertThat(parser.withoutBotName("/ezra@MeshBot hi there")).isEqualTo("/ezra hi there");
        assertThat(parser.withoutBotName("/ezra@meshbot")).isEqualTo("/ezra");
        assertThat(parser.withoutBotName("  /tool@MeshBot echo text=x")).isEqualTo("  /tool echo text=x");
        assertThat(parser.withoutBotName("/ezra@OtherBot hi")).isEqualTo("/ezra@OtherBot hi");
        assertThat(parser.withoutBotName("/ezra@MeshBotty hi")).isEqualTo("/ezra@MeshBotty hi");
        assertThat(parser.withoutBotName("hi /ezra@MeshBot")).isEqualTo("hi /ezra@MeshBot");
        assertThat(new TelegramUpdateParser(Optional.empty()).withoutBotName("/ezra@MeshBot hi"))
                .isEqualTo("/ezra@MeshBot hi");
    }

    @Test
    void theDisplayNameFallsBackToTheUsername() throws Exception {
        assertThat(TelegramUpdateParser.displayName(json("{\"id\":1,\"username\":\"bob\"}")))
                .isEqualTo("@bob");
        assertThat(TelegramUpdateParser.displayName(json("{\"id\":1,\"first_name\":\"Bob\"}")))
                .isEqualTo("Bob");
        assertThat(TelegramUpdateParser.displayName(json("{\"id\":1}"))).isNull();
    }

    @Test
    void ignoresOtherUpdateTypesByName() throws Exception {
        assertThat(parse("{\"update_id\":1,\"edited_message\":{\"message_id\":1}}"))
                .isEqualTo(new TelegramUpdate.Ignored(1, "edited_message", "a edited_message update"));
        assertThat(((TelegramUpdate.Ignored) parse("{\"update_id\":2,\"callback_query\":{}}")).reason())
                .isEqualTo("callback_query");
        assertThat(((TelegramUpdate.Ignored) parse("{\"update_id\":3,\"made_up_type\":{}}")).reason())
                .isEqualTo("other_update");
    }

    @Test
    void ignoresMessagesWithoutTextSenderOrFromBots() throws Exception {
        assertThat(((TelegramUpdate.Ignored) parse("""
                        {"update_id":4,"message":{"message_id":1,"from":{"id":5,"is_bot":false,"first_name":"A"},
                        "chat":{"id":5,"type":"private"},"photo":[]}}""")).reason()).isEqualTo("no_text");
        assertThat(((TelegramUpdate.Ignored) parse("""
                        {"update_id":5,"message":{"message_id":1,"chat":{"id":-5,"type":"channel"},"text":"x"}}""")).reason()).isEqualTo("no_sender");
        assertThat(((TelegramUpdate.Ignored) parse("""
                        {"update_id":6,"message":{"message_id":1,"from":{"id":5,"is_bot":true,"first_name":"B"},
                        "chat":{"id":-5,"type":"group"},"text":"x"}}""")).reason()).isEqualTo("from_bot");
    }

    @Test
    void refusesUpdatesWithoutIdOrChat() {
        assertThatThrownBy(() -> parse("{\"message\":{}}"))
                .isInstanceOf(MalformedUpdateException.class)
                .hasMessageContaining("update_id");
        assertThatThrownBy(() -> parse("[1,2]")).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> parse("""
                        {"update_id":7,"message":{"message_id":1,"from":{"id":5},"text":"x"}}""")).hasMessageContaining("message.chat.id");
    }

    private TelegramUpdate parse(String json) throws Exception {
        return parser.parse(json(json));
    }

    private static JsonNode json(String json) throws Exception {
        return MAPPER.readTree(json);
    }
}

package dev.uniwizard.mesh.gateway.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChatRequestParserTest {

    private final ChatRequestParser parser = new ChatRequestParser(100);

    @Test
    void takesTheLastUserMessageAndRemembersTheFirst() {
        ChatRequest request = parser.parse("""
                {"model": "ezra", "stream": true, "stream_options": {"include_usage": true}, "n": 2, "seed": 7,
                 "messages": [
                   {"role": "developer", "content": [{"type": "text", "text": "rules"}]},
                   {"role": "user", "content": "first", "name": "alice"},
                   {"role": "assistant", "content": null, "tool_calls": []},
                   {"role": "tool", "tool_call_id": "t1", "content": "42"},
                   {"role": "user", "content": [{"type": "text", "text": "last"}]}]}""");

        assertThat(request).isEqualTo(new ChatRequest("ezra", "last", "first", true, true));
    }

    @Test
    void refusesAudioAndFilesToo() {
        assertThatThrownBy(() -> parser.parse("""
                        {"model": "ezra", "messages": [{"role": "user", "content": [
                          {"type": "input_audio", "input_audio": {"data": "", "format": "wav"}}]}]}""")).isInstanceOfSatisfying(OpenAiException.class, e -> {
            assertThat(e.body().error().param()).isEqualTo("messages[0].content[0]");
            assertThat(e.getMessage()).contains("audio are not supported");
        });
    }

    @Test
    void refusesABlankLastUserMessage() {
        assertThatThrownBy(() -> parser.parse("""
                        {"model": "ezra", "messages": [{"role": "user", "content": "a"},
                                                       {"role": "user", "content": "  "}]}""")).isInstanceOfSatisfying(OpenAiException.class, e -> assertThat(
                        e.body().error().param())
                .isEqualTo("messages[1].content"));
    }

    @Test
    void refusesDuplicateKeys() {
        assertThatThrownBy(() -> parser.parse("{\"model\": \"ezra\", \"model\": \"timmy\", \"messages\": []}"))
                .isInstanceOfSatisfying(
                        OpenAiException.class, e -> assertThat(e.code()).isEqualTo("invalid_json"));
    }

    @Test
    void derivesTheSameConversationForTheSameOperatorHouseAndFirstMessage() {
        assertThat(ConversationIds.derive("alice", "ezra", "hi"))
                .isEqualTo(ConversationIds.derive("alice", "ezra", "hi"))
                .isNotEqualTo(ConversationIds.derive("bob", "ezra", "hi"))
                .isNotEqualTo(ConversationIds.derive("alice", "timmy", "hi"))
                .matches("openai:[0-9a-f]{16}");
    }
}

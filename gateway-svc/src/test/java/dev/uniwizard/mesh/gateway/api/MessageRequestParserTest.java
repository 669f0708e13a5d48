package dev.uniwizard.mesh.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MessageRequestParserTest {

    private final MessageRequestParser parser = new MessageRequestParser(10);

    @Test
    void readsAllFieldsAndLowerCasesTheHouse() {
        MessageRequest request = parser.parse("{\"house\":\"Ezra\",\"conversationId\":\"c-1:a.b\",\"text\":\"hello\"}");

        assertThat(request).isEqualTo(new MessageRequest("ezra", "c-1:a.b", "hello"));
    }

    @Test
    void leavesOptionalFieldsAbsent() {
        assertThat(parser.parse("{\"text\":\"hi\",\"house\":null}")).isEqualTo(new MessageRequest(null, null, "hi"));
    }

    @Test
    void refusesAMissingOrEmptyBody() {
        assertRefused(null, "missing_body");
        assertRefused("  ", "missing_body");
    }

    @Test
    void refusesMalformedJsonAndNonObjects() {
        assertRefused("{\"text\": ", "invalid_json");
        assertRefused("{\"text\":\"a\"} {}", "invalid_json");
        assertRefused("{\"text\":\"a\",\"text\":\"b\"}", "invalid_json");
        assertRefused("[\"text\"]", "invalid_json");
    }

    @Test
    void namesAnUnknownField() {
        assertThatThrownBy(() -> parser.parse("{\"text\":\"a\",\"hosue\":\"ezra\"}"))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo("unknown_field"))
                .hasMessageContaining("hosue");
    }

    @Test
    void refusesMissingBlankOrTooLongText() {
        assertRefused("{\"house\":\"ezra\"}", "missing_text");
        assertRefused("{\"text\":\"   \"}", "missing_text");
        assertRefused("{\"text\":\"01234567890\"}", "text_too_long");
        assertThat(parser.parse("{\"text\":\"0123456789\"}").text()).hasSize(10);
    }

    @Test
    void refusesNonStringFields() {
        assertRefused("{\"text\":42}", "invalid_field");
        assertRefused("{\"text\":\"a\",\"house\":{}}", "invalid_field");
    }

    @Test
    void refusesHousesThatAreNoSubjectToken() {
        assertRefused("{\"text\":\"a\",\"house\":\"ez.ra\"}", "bad_house");
        assertRefused("{\"text\":\"a\",\"house\":\"*\"}", "bad_house");
        assertRefused("{\"text\":\"a\",\"house\":\"\"}", "bad_house");
    }

    @Test
    void refusesBadConversationIds() {
        assertRefused("{\"text\":\"a\",\"conversationId\":\"has space\"}", "bad_conversation_id");
        assertRefused("{\"text\":\"a\",\"conversationId\":\"" + "x".repeat(129) + "\"}", "bad_conversation_id");
        assertRefused("{\"text\":\"a\",\"conversationId\":\"\"}", "bad_conversation_id");
        assertThat(parser.parse("{\"text\":\"a\",\"conversationId\":\"" + "x".repeat(128) + "\"}")
                        .conversationId())
                .hasSize(128);
    }

    private void assertRefused(String body, String code) {
        assertThatThrownBy(() -> parser.parse(body)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).isNotBlank();
        });
    }
}

package dev.uniwizard.mesh.gateway.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class DiscordCommandsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void readsACommandInAServer() {
        DiscordCommand command = read("{\"id\":\"11\",\"type\":2,\"token\":\"tok-1\",\"channel_id\":\"22\","
                + "\"member\":{\"user\":{\"id\":\"33\",\"username\":\"alice\",\"global_name\":\"Alice\"}},"
                + "\"data\":{\"name\":\"ask\",\"options\":[{\"name\":\"text\",\"type\":3,\"value\":\" hi \"},"
                + "{\"name\":\"house\",\"type\":3,\"value\":\"@Ezra\"}]}}");

        assertThat(command).isEqualTo(new DiscordCommand.Message("11", "tok-1", "22", "33", "Alice", "hi", "ezra"));
        assertThat(((DiscordCommand.Message) command).conversationId()).isEqualTo("discord:22");
    }

    @Test
    void readsACommandInADirectMessage() {
        DiscordCommand command = read("{\"id\":\"11\",\"type\":2,\"token\":\"tok-1\",\"channel\":{\"id\":\"22\"},"
                + "\"user\":{\"id\":\"33\",\"username\":\"alice\"},"
                + "\"data\":{\"name\":\"ask\",\"options\":[{\"name\":\"text\",\"type\":3,\"value\":\"hi\"}]}}");

        assertThat(command).isEqualTo(new DiscordCommand.Message("11", "tok-1", "22", "33", "alice", "hi", null));
    }

    @Test
    void explainsAMissingTextOrABadHouse() {
        assertThat(read("{\"id\":\"11\",\"token\":\"t\",\"channel_id\":\"22\",\"user\":{\"id\":\"33\"},"
                        + "\"data\":{\"name\":\"ask\",\"options\":[]}}"))
                .isEqualTo(new DiscordCommand.Invalid(
                        "missing_text", "/ask needs the text option: what you want to say to the mesh."));
        assertThat(read("{\"id\":\"11\",\"token\":\"t\",\"channel_id\":\"22\",\"user\":{\"id\":\"33\"},"
                        + "\"data\":{\"name\":\"ask\",\"options\":[{\"name\":\"text\",\"value\":\"hi\"},"
                        + "{\"name\":\"house\",\"value\":\"ez ra\"}]}}"))
                .isInstanceOfSatisfying(DiscordCommand.Invalid.class, i -> assertThat(i.text())
                        .contains("'ez ra' is not a house name"));
    }

    @Test
    void refusesAnInteractionWithoutUser() {
        assertThat(read("{\"id\":\"11\",\"token\":\"t\",\"channel_id\":\"22\","
                        + "\"data\":{\"name\":\"ask\",\"options\":[{\"name\":\"text\",\"value\":\"hi\"}]}}"))
                .isInstanceOfSatisfying(DiscordCommand.Invalid.class, i -> assertThat(i.reason())
                        .isEqualTo("malformed"));
    }

    private static DiscordCommand read(String json) {
        try {
            return DiscordCommands.read(MAPPER.readTree(json));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}

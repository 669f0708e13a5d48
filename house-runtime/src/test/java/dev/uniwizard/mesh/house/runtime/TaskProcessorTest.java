package dev.uniwizard.mesh.house.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.core.payload.ReplyPayload;
import dev.uniwizard.mesh.core.payload.TaskPayload;
import dev.uniwizard.mesh.house.config.HouseMode;
import dev.uniwizard.mesh.house.persona.Persona;
import dev.uniwizard.mesh.house.tools.Tool;
import dev.uniwizard.mesh.house.tools.ToolCall;
import dev.uniwizard.mesh.house.tools.ToolInvoker;
import dev.uniwizard.mesh.house.tools.ToolParameter;
import dev.uniwizard.mesh.house.tools.ToolRegistry;
import dev.uniwizard.mesh.house.tools.ToolResult;
import dev.uniwizard.mesh.house.tools.builtin.EchoTool;
import dev.uniwizard.mesh.house.tools.builtin.SystemInfoTool;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskProcessorTest {

    private static final Persona PERSONA =
            new Persona("# Ezra, the archivist: analysis, documentation, read before write.\n\nMore about Ezra.\n");

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void helpStartsWithThePersonaAndListsModeCommandsAndTools() {
        ReplyPayload reply = processor(HouseMode.SIMPLE).process(task("/help"));

        assertThat(reply.status()).isEqualTo(ReplyPayload.OK);
        assertThat(reply.house()).isEqualTo("ezra");
        assertThat(reply.text())
                .startsWith("Ezra, the archivist: analysis, documentation, read before write.")
                .contains("Ezra, the archivist (house 'ezra')", "SIMPLE mode", "/tool NAME key=value", "/help")
                .contains("echo - Replies with the given text.", "Usage: /tool echo text=<text>")
                .contains("system_info - Shows the host")
                .contains("fails - Always fails.", "crashes - Always throws.");
    }

    @Test
    void ordinaryTextGetsTheHelpTooAsAnOkReply() {
        ReplyPayload reply = processor(HouseMode.SIMPLE).process(task("what can you do?"));

        assertThat(reply.status()).isEqualTo(ReplyPayload.OK);
        assertThat(reply.text()).startsWith("Ezra, the archivist").contains("answer commands", "/tool NAME");
    }

    @Test
    void echoRepliesWithTheText() {
        ReplyPayload reply = processor(HouseMode.SIMPLE).process(task("/tool echo text=\"hello there\""));

        assertThat(reply).isEqualTo(ReplyPayload.ok("ezra", "hello there"));
        assertThat(calls("echo", "ok")).isEqualTo(1.0);
    }

    @Test
    void systemInfoDescribesTheHouseAndTheMachine() {
        ReplyPayload reply = processor(HouseMode.SIMPLE).process(task("/tool system_info"));

        assertThat(reply.status()).isEqualTo(ReplyPayload.OK);
        assertThat(reply.text())
                .contains("house: ezra", "node: ezra-unit", "processors: ", "jvm: ", "heap: ", "uptime: ", "os: ");
    }

    @Test
    void unknownToolIsAnErrorListingTheTools() {
        ReplyPayload reply = processor(HouseMode.SIMPLE).process(task("/tool nope"));

        assertThat(reply.status()).isEqualTo(ReplyPayload.ERROR);
        assertThat(reply.errorCode()).isEqualTo(TaskProcessor.UNKNOWN_TOOL);
        assertThat(reply.text()).contains("'nope'", "echo", "system_info");
        assertThat(calls("unknown", "unknown_tool")).isEqualTo(1.0);
    }

    @Test
    void missingRequiredParameterIsABadCommand() {
        ReplyPayload reply = processor(HouseMode.SIMPLE).process(task("/tool echo"));

        assertThat(reply.errorCode()).isEqualTo(TaskProcessor.BAD_COMMAND);
        assertThat(reply.text()).contains("missing required parameter 'text'", "Usage: /tool echo text=<text>");
        assertThat(calls("echo", "bad_arguments")).isEqualTo(1.0);
    }

    @Test
    void unknownParameterIsABadCommand() {
        ReplyPayload reply = processor(HouseMode.SIMPLE).process(task("/tool echo text=hi loud=yes"));

        assertThat(reply.errorCode()).isEqualTo(TaskProcessor.BAD_COMMAND);
        assertThat(reply.text()).contains("unknown parameter 'loud'");
    }

    @Test
    void unreadableCommandIsABadCommandPointingAtTheProblem() {
        ReplyPayload reply = processor(HouseMode.SIMPLE).process(task("/tool echo text=\"hi"));

        assertThat(reply.errorCode()).isEqualTo(TaskProcessor.BAD_COMMAND);
        assertThat(reply.text()).contains("unterminated double quote at column 17");
    }

    @Test
    void failingAndThrowingToolsAreToolFailures() {
        TaskProcessor processor = processor(HouseMode.SIMPLE);

        ReplyPayload failed = processor.process(task("/tool fails"));
        ReplyPayload crashed = processor.process(task("/tool crashes"));

        assertThat(failed.errorCode()).isEqualTo(TaskProcessor.TOOL_FAILED);
        assertThat(failed.text()).contains("disk on fire");
        assertThat(crashed.errorCode()).isEqualTo(TaskProcessor.TOOL_FAILED);
        assertThat(crashed.text()).contains("boom");
        assertThat(calls("crashes", "error")).isEqualTo(1.0);
    }

    @Test
    void otherModesAreUnavailableButStillListTheCommands() {
        for (HouseMode mode : List.of(HouseMode.INTELLIGENT, HouseMode.SOVEREIGN)) {
            ReplyPayload reply = processor(mode).process(task("/tool echo text=hi"));

            assertThat(reply.errorCode()).isEqualTo(TaskProcessor.MODE_UNAVAILABLE);
            assertThat(reply.text())
                    .startsWith("Ezra, the archivist")
                    .contains(mode.name() + " mode", "only SIMPLE mode is available", "/tool NAME", "/help");
        }
    }

    private TaskProcessor processor(HouseMode mode) {
        TestHouseConfig config = TestHouseConfig.of(mode);
        ToolRegistry tools = new ToolRegistry(List.of(
                new EchoTool(), new SystemInfoTool("ezra", "ezra-unit"), new FailingTool(), new CrashingTool()));
        return new TaskProcessor(config, PERSONA, tools, new ToolInvoker("ezra", tools, meters));
    }

    private double calls(String tool, String outcome) {
        return meters.counter("mesh.house.tool.calls", "house", "ezra", "tool", tool, "outcome", outcome)
                .count();
    }

    private static TaskPayload task(String text) {
        return new TaskPayload(text, "http", "test");
    }

    private static final class FailingTool implements Tool {
        @Override
        public String name() {
            return "fails";
        }

        @Override
        public String description() {
            return "Always fails.";
        }

        @Override
        public List<ToolParameter> parameters() {
            return List.of();
        }

        @Override
        public boolean readOnly() {
            return true;
        }

        @Override
        public ToolResult execute(ToolCall call) {
            return ToolResult.failure("disk on fire");
        }
    }

    private static final class CrashingTool implements Tool {
        @Override
        public String name() {
            return "crashes";
        }

        @Override
        public String description() {
            return "Always throws.";
        }

        @Override
        public List<ToolParameter> parameters() {
            return List.of(ToolParameter.optional("why", "ignored"));
        }

        @Override
        public boolean readOnly() {
            return false;
        }

        @Override
        public ToolResult execute(ToolCall call) {
            throw new IllegalStateException("boom");
        }
    }
}

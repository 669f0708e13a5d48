package dev.uniwizard.mesh.house.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.core.payload.ReplyPayload;
import dev.uniwizard.mesh.house.config.HouseConfig;
import dev.uniwizard.mesh.house.config.HouseConfigs;
import dev.uniwizard.mesh.house.config.HouseMode;
import dev.uniwizard.mesh.house.engine.TestTurns;
import dev.uniwizard.mesh.house.engine.ToolExecutor;
import dev.uniwizard.mesh.house.model.ChatCompletion;
import dev.uniwizard.mesh.house.model.ChatModel;
import dev.uniwizard.mesh.house.model.ChatRequest;
import dev.uniwizard.mesh.house.model.ModelCallListener;
import dev.uniwizard.mesh.house.model.ModelException;
import dev.uniwizard.mesh.house.persona.Persona;
import dev.uniwizard.mesh.house.tools.Tool;
import dev.uniwizard.mesh.house.tools.ToolCall;
import dev.uniwizard.mesh.house.tools.ToolParameter;
import dev.uniwizard.mesh.house.tools.ToolRegistry;
import dev.uniwizard.mesh.house.tools.ToolResult;
import dev.uniwizard.mesh.house.tools.builtin.EchoTool;
import dev.uniwizard.mesh.house.tools.builtin.SystemInfoTool;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskProcessorTest {

    private static final Persona PERSONA =
            new Persona("# Ezra, the archivist: analysis, documentation, read before write.\n\nMore about Ezra.\n");

    private final TestTurns.RecordingSink sink = new TestTurns.RecordingSink();

    @Test
    void helpStartsWithThePersonaAndListsModeCommandsAndTools() {
        ReplyPayload reply = reply(HouseMode.SIMPLE, "/help");

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
        ReplyPayload reply = reply(HouseMode.SIMPLE, "what can you do?");

        assertThat(reply.status()).isEqualTo(ReplyPayload.OK);
        assertThat(reply.text()).startsWith("Ezra, the archivist").contains("answer commands", "/tool NAME");
    }

    @Test
    void echoRepliesWithTheText() {
        ReplyPayload reply = reply(HouseMode.SIMPLE, "/tool echo text=\"hello there\"");

        assertThat(reply).isEqualTo(ReplyPayload.ok("ezra", "hello there"));
        assertThat(calls("echo", "ok")).isEqualTo(1.0);
    }

    @Test
    void systemInfoDescribesTheHouseAndTheMachine() {
        ReplyPayload reply = reply(HouseMode.SIMPLE, "/tool system_info");

        assertThat(reply.status()).isEqualTo(ReplyPayload.OK);
        assertThat(reply.text())
                .contains("house: ezra", "node: ezra-unit", "processors: ", "jvm: ", "heap: ", "uptime: ", "os: ");
    }

    @Test
    void unknownToolIsAnErrorListingTheTools() {
        ReplyPayload reply = reply(HouseMode.SIMPLE, "/tool nope");

        assertThat(reply.status()).isEqualTo(ReplyPayload.ERROR);
        assertThat(reply.errorCode()).isEqualTo(TaskProcessor.UNKNOWN_TOOL);
        assertThat(reply.text()).contains("'nope'", "echo", "system_info");
        assertThat(calls("nope", "unknown_tool")).isEqualTo(1.0);
    }

    @Test
    void missingRequiredParameterIsABadCommand() {
        ReplyPayload reply = reply(HouseMode.SIMPLE, "/tool echo");

        assertThat(reply.errorCode()).isEqualTo(TaskProcessor.BAD_COMMAND);
        assertThat(reply.text()).contains("missing required parameter 'text'", "Usage: /tool echo text=<text>");
        assertThat(calls("echo", "bad_arguments")).isEqualTo(1.0);
    }

    @Test
    void unknownParameterIsABadCommand() {
        ReplyPayload reply = reply(HouseMode.SIMPLE, "/tool echo text=hi loud=yes");

        assertThat(reply.errorCode()).isEqualTo(TaskProcessor.BAD_COMMAND);
        assertThat(reply.text()).contains("unknown parameter 'loud'");
    }

    @Test
    void unreadableCommandIsABadCommandPointingAtTheProblem() {
        ReplyPayload reply = reply(HouseMode.SIMPLE, "/tool echo text=\"hi");

        assertThat(reply.errorCode()).isEqualTo(TaskProcessor.BAD_COMMAND);
        assertThat(reply.text()).contains("unterminated double quote at column 17");
    }

    @Test
    void failingAndThrowingToolsAreToolFailures() {
        ReplyPayload failed = reply(HouseMode.SIMPLE, "/tool fails");
        ReplyPayload crashed = reply(HouseMode.SIMPLE, "/tool crashes");

        assertThat(failed.errorCode()).isEqualTo(TaskProcessor.TOOL_FAILED);
        assertThat(failed.text()).contains("disk on fire");
        assertThat(crashed.errorCode()).isEqualTo(TaskProcessor.TOOL_FAILED);
        assertThat(crashed.text()).contains("boom");
        assertThat(calls("crashes", "error")).isEqualTo(1.0);
    }

    @Test
    void aToolCommandIsKeptAsAToolMessageForTheGates() throws ModelUnavailableException {
        HouseConfig config = HouseConfigs.of(HouseMode.SIMPLE);
        List<Tool> all = List.of(new EchoTool());
        ToolExecutor executor = TestTurns.executor(config, all, TestTurns.noApprovals(), sink);
        ToolRegistry tools = new ToolRegistry(all);
        TaskProcessor processor = new TaskProcessor(
                config,
                PERSONA,
                tools,
                executor,
                new AgentLoop(
                        config,
                        new NoModel(),
                        tools,
                        executor,
                        new PromptBuilder(config, PERSONA),
                        turn -> List.of(),
                        Clock.systemUTC(),
                        ModelCallListener.NONE));
        ModeRequest request = ModeRequest.of(HouseMode.SIMPLE, "/tool echo text=kept");

        TurnResult result =
                processor.process(TestTurns.turn(HouseMode.SIMPLE, false, new ArrayList<>()), request, List.of());

        assertThat(result.transcript()).singleElement().satisfies(message -> {
            assertThat(message.role()).isEqualTo("tool");
            assertThat(message.toolCalls().getFirst().tool()).isEqualTo("echo");
            assertThat(message.toolCalls().getFirst().outcome()).isEqualTo("ok");
        });
    }

    @Test
    void modePrefixWithAnUnknownModeIsABadCommand() {
        ReplyPayload reply = reply(HouseMode.SIMPLE, "/mode wizardly /tool echo text=hi");

        assertThat(reply.errorCode()).isEqualTo(TaskProcessor.BAD_COMMAND);
        assertThat(reply.text()).contains("'wizardly' is not a mode");
    }

    @Test
    void commandsWorkInIntelligentModeWithoutTheModel() {
        ReplyPayload reply = reply(HouseMode.INTELLIGENT, "/tool echo text=hi");

        assertThat(reply).isEqualTo(ReplyPayload.ok("ezra", "hi"));
    }

    @Test
    void plainTextInIntelligentModeGoesToTheModel() {
        ReplyPayload reply = reply(HouseMode.INTELLIGENT, "what is on disk?");

        assertThat(reply.errorCode()).isEqualTo(AgentLoop.MODEL_FAILED);
        assertThat(reply.text()).contains("no model in this test");
    }

    private ReplyPayload reply(HouseMode mode, String text) {
        HouseConfig config = HouseConfigs.of(mode);
        List<Tool> all =
                List.of(new EchoTool(), new SystemInfoTool("ezra", "ezra-unit"), new FailingTool(), new CrashingTool());
        ToolRegistry tools = new ToolRegistry(all);
        ToolExecutor executor = TestTurns.executor(config, all, TestTurns.noApprovals(), sink);
        AgentLoop loop = new AgentLoop(
                config,
                new NoModel(),
                tools,
                executor,
                new PromptBuilder(config, PERSONA),
                turn -> List.of(),
                Clock.systemUTC(),
                ModelCallListener.NONE);
        TaskProcessor processor = new TaskProcessor(config, PERSONA, tools, executor, loop);
        ModeRequest request = ModeRequest.of(mode, text);
        try {
            return processor
                    .process(
                            TestTurns.turn(request.mode(), request.approvalsRequired(), new ArrayList<>()),
                            request,
                            List.of())
                    .reply();
        } catch (ModelUnavailableException e) {
            throw new AssertionError(e);
        }
    }

    private double calls(String tool, String outcome) {
        return sink.outcomes.stream()
                .filter(o -> o.tool().equals(tool) && o.status().wireName().equals(outcome))
                .count();
    }

    /** A model that is not configured: the loop must report it, not crash. */
    private static final class NoModel implements ChatModel {
        @Override
        public ChatCompletion complete(ChatRequest request) throws ModelException {
            throw new ModelException(ModelException.Kind.NOT_CONFIGURED, "no model in this test");
        }

        @Override
        public String describe() {
            return "no model";
        }
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

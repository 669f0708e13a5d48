package dev.uniwizard.mesh.house.runtime;

import dev.uniwizard.mesh.core.payload.ReplyPayload;
import dev.uniwizard.mesh.core.payload.StoredMessage;
import dev.uniwizard.mesh.core.payload.ToolCallTrace;
import dev.uniwizard.mesh.house.command.Command;
import dev.uniwizard.mesh.house.command.CommandParser;
import dev.uniwizard.mesh.house.command.ParseException;
import dev.uniwizard.mesh.house.config.HouseConfig;
import dev.uniwizard.mesh.house.config.HouseMode;
import dev.uniwizard.mesh.house.engine.ToolExecutor;
import dev.uniwizard.mesh.house.engine.ToolOutcome;
import dev.uniwizard.mesh.house.engine.ToolRequest;
import dev.uniwizard.mesh.house.engine.TurnContext;
import dev.uniwizard.mesh.house.persona.Persona;
import dev.uniwizard.mesh.house.tools.ToolCall;
import dev.uniwizard.mesh.house.tools.ToolRegistry;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Turns a task into the house's answer. Commands work in every mode: {@code /tool NAME key=value ...} runs one tool
 * (through the same permissions, gates and approvals as a model's call) and {@code /help} describes the house. Other
 * text gets the help text in SIMPLE mode and goes to the model in INTELLIGENT and SOVEREIGN mode. Never throws for bad
 * input: every problem becomes an error reply with a stable code.
 */
@Singleton
public class TaskProcessor {

    public static final String TOOL_FAILED = "tool_failed";
    public static final String UNKNOWN_TOOL = "unknown_tool";
    public static final String BAD_COMMAND = "bad_command";
    public static final String DENIED = "denied";
    public static final String REFUSED = "refused";
    public static final String NOT_APPROVED = "not_approved";

    private final HouseConfig config;
    private final Persona persona;
    private final ToolRegistry tools;
    private final ToolExecutor executor;
    private final AgentLoop loop;

    public TaskProcessor(
            HouseConfig config, Persona persona, ToolRegistry tools, ToolExecutor executor, AgentLoop loop) {
        this.config = config;
        this.persona = persona;
        this.tools = tools;
        this.executor = executor;
        this.loop = loop;
    }

    /**
     * @param turn the turn's context, in the mode {@code request} chose
     * @param request the task's mode and text
     * @param history the conversation's recent messages
     */
    public TurnResult process(TurnContext turn, ModeRequest request, List<StoredMessage> history)
            throws ModelUnavailableException {
        if (request.problem().isPresent()) {
            return TurnResult.of(
                    ReplyPayload.error(house(), BAD_COMMAND, request.problem().get()));
        }
        Command command;
        try {
            command = CommandParser.parse(request.text());
        } catch (ParseException e) {
            return TurnResult.of(ReplyPayload.error(
                    house(),
                    BAD_COMMAND,
                    "Could not read the command: " + e.getMessage()
                            + ".\nWrite /tool NAME key=value key2=\"value with spaces\"; /help lists the tools."));
        }
        return switch (command) {
            case Command.RunTool run -> runTool(turn, run.call());
            case Command.Help h when h.asked() -> TurnResult.of(ReplyPayload.ok(house(), help(turn.mode())));
            case Command.Help h
            when turn.mode() == HouseMode.SIMPLE ->
                TurnResult.of(ReplyPayload.ok(
                        house(),
                        HelpText.help(
                                config,
                                persona,
                                tools,
                                turn.mode(),
                                "In SIMPLE mode I answer commands; here is what I understand.")));
            case Command.Help h -> loop.run(turn, request.text(), history);
        };
    }

    /** The help text, as {@code /help} shows it. */
    public String help(HouseMode mode) {
        return HelpText.help(config, persona, tools, mode, null);
    }

    /**
     * Runs a {@code /tool} command. The call is kept in memory as a tool message (as a model's calls are), so the gates
     * see what it read, wrote or proved even after a restart.
     */
    private TurnResult runTool(TurnContext turn, ToolCall call) {
        ToolOutcome outcome = executor.executeOne(turn, ToolRequest.of("command", call), "");
        ReplyPayload reply = commandReply(outcome);
        if (outcome.status() == ToolOutcome.Status.UNKNOWN_TOOL) {
            return new TurnResult(reply, List.of(), List.of(outcome));
        }
        return new TurnResult(
                reply,
                List.of(new TurnMessage(
                        "command-tool",
                        "tool",
                        outcome.text(),
                        List.of(new ToolCallTrace(
                                outcome.callId(),
                                outcome.tool(),
                                outcome.call().argumentsJson(),
                                outcome.status().wireName())))),
                List.of(outcome));
    }

    private ReplyPayload commandReply(ToolOutcome outcome) {
        String name = outcome.tool();
        return switch (outcome.status()) {
            case OK -> ReplyPayload.ok(house(), outcome.text());
            case FAILED, ERROR, TIMEOUT, UNAVAILABLE ->
                ReplyPayload.error(house(), TOOL_FAILED, "Tool '" + name + "' failed: " + outcome.text());
            case UNKNOWN_TOOL -> ReplyPayload.error(house(), UNKNOWN_TOOL, outcome.text() + " /help describes them.");
            case BAD_ARGUMENTS -> ReplyPayload.error(house(), BAD_COMMAND, outcome.text());
            case DENIED -> ReplyPayload.error(house(), DENIED, outcome.text());
            case REFUSED -> ReplyPayload.error(house(), REFUSED, outcome.text());
            case NOT_APPROVED -> ReplyPayload.error(house(), NOT_APPROVED, outcome.text());
        };
    }

    private String house() {
        return config.name();
    }
}

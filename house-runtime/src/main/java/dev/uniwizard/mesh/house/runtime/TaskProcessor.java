package dev.uniwizard.mesh.house.runtime;

import dev.uniwizard.mesh.core.payload.ReplyPayload;
import dev.uniwizard.mesh.core.payload.TaskPayload;
import dev.uniwizard.mesh.house.command.Command;
import dev.uniwizard.mesh.house.command.CommandParser;
import dev.uniwizard.mesh.house.command.ParseException;
import dev.uniwizard.mesh.house.config.HouseConfig;
import dev.uniwizard.mesh.house.persona.Persona;
import dev.uniwizard.mesh.house.tools.ToolCall;
import dev.uniwizard.mesh.house.tools.ToolInvocation;
import dev.uniwizard.mesh.house.tools.ToolInvoker;
import dev.uniwizard.mesh.house.tools.ToolRegistry;
import jakarta.inject.Singleton;

/**
 * Turns a task into the house's reply. In SIMPLE mode {@code /tool ...} runs a tool and anything else gets the help
 * text; the other modes are not available in this version and say so. Never throws for bad input: every problem
 * becomes an error reply with a stable code.
 */
@Singleton
public class TaskProcessor {

    public static final String TOOL_FAILED = "tool_failed";
    public static final String UNKNOWN_TOOL = "unknown_tool";
    public static final String BAD_COMMAND = "bad_command";
    public static final String MODE_UNAVAILABLE = "mode_unavailable";

    private final HouseConfig config;
    private final Persona persona;
    private final ToolRegistry tools;
    private final ToolInvoker invoker;

    public TaskProcessor(HouseConfig config, Persona persona, ToolRegistry tools, ToolInvoker invoker) {
        this.config = config;
        this.persona = persona;
        this.tools = tools;
        this.invoker = invoker;
    }

    public ReplyPayload process(TaskPayload task) {
        return switch (config.mode()) {
            case SIMPLE -> simple(task.text());
            case INTELLIGENT, SOVEREIGN ->
                ReplyPayload.error(house(), MODE_UNAVAILABLE, HelpText.modeUnavailable(config, persona, tools));
        };
    }

    /** The help text, as {@code /help} shows it. */
    public String help() {
        return HelpText.help(config, persona, tools, null);
    }

    private ReplyPayload simple(String text) {
        Command command;
        try {
            command = CommandParser.parse(text);
        } catch (ParseException e) {
            return ReplyPayload.error(
                    house(),
                    BAD_COMMAND,
                    "Could not read the command: " + e.getMessage()
                            + ".\nWrite /tool NAME key=value key2=\"value with spaces\"; /help lists the tools.");
        }
        return switch (command) {
            case Command.RunTool run -> runTool(run.call());
            case Command.Help h when h.asked() -> ReplyPayload.ok(house(), help());
            case Command.Help h ->
                ReplyPayload.ok(
                        house(),
                        HelpText.help(
                                config,
                                persona,
                                tools,
                                "In " + config.mode().name() + " mode I answer commands; here is what I understand."));
        };
    }

    private ReplyPayload runTool(ToolCall call) {
        return switch (invoker.invoke(call)) {
            case ToolInvocation.Completed done
            when done.result().ok() -> ReplyPayload.ok(house(), done.result().text());
            case ToolInvocation.Completed done ->
                ReplyPayload.error(
                        house(),
                        TOOL_FAILED,
                        "Tool '" + done.tool().name() + "' failed: "
                                + done.result().text());
            case ToolInvocation.Crashed crashed ->
                ReplyPayload.error(
                        house(), TOOL_FAILED, "Tool '" + crashed.tool().name() + "' failed: " + crashed.problem());
            case ToolInvocation.UnknownTool unknown ->
                ReplyPayload.error(
                        house(),
                        UNKNOWN_TOOL,
                        "There is no tool '" + unknown.name() + "' in house '" + house() + "'. Available tools: "
                                + String.join(", ", tools.names()) + ". /help describes them.");
            case ToolInvocation.BadArguments bad -> ReplyPayload.error(house(), BAD_COMMAND, bad.problem());
        };
    }

    private String house() {
        return config.name();
    }
}

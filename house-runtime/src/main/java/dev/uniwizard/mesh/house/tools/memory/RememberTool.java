package dev.uniwizard.mesh.house.tools.memory;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.Ids;
import dev.uniwizard.mesh.core.memory.MemoryTypes;
import dev.uniwizard.mesh.core.memory.ProjectMemoryEntry;
import dev.uniwizard.mesh.core.memory.PromoteRequest;
import dev.uniwizard.mesh.core.memory.PromoteResult;
import dev.uniwizard.mesh.house.config.HouseConfig;
import dev.uniwizard.mesh.house.engine.TurnContext;
import dev.uniwizard.mesh.house.tools.ParamType;
import dev.uniwizard.mesh.house.tools.Tool;
import dev.uniwizard.mesh.house.tools.ToolCall;
import dev.uniwizard.mesh.house.tools.ToolParameter;
import dev.uniwizard.mesh.house.tools.ToolResult;
import dev.uniwizard.mesh.house.tools.TransientToolException;
import dev.uniwizard.mesh.service.memory.MemoryClient;
import dev.uniwizard.mesh.service.messaging.RequestFailedException;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * Keeps a piece of knowledge as project memory ({@code house.memory.project}): a decision, pattern, correction or
 * architecture fact, promoted in memory-svc with the conversation it came from. Every house then sees it as a
 * {@code [MEMORY MARKER]} line in its prompts. It writes long-term memory, so it is side-effecting; permission rules
 * see the memory type as its target ({@code remember(decision)}). The promotion's request id derives from the task and
 * the call's arguments, so a task delivered again does not remember the same thing twice.
 */
@Singleton
public class RememberTool implements Tool {

    public static final String NAME = "remember";

    private final MemoryClient memory;
    private final String project;

    public RememberTool(HouseConfig config, MemoryClient memory) {
        this.memory = memory;
        this.project = config.memory().project();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Stores a decision, pattern, correction or architecture fact in the project's long-term memory; every"
                + " house then sees it as a [MEMORY MARKER] line in its prompts.";
    }

    @Override
    public List<ToolParameter> parameters() {
        return List.of(
                ToolParameter.required(RememberArguments.TYPE, "one of " + String.join(", ", MemoryTypes.ALL)),
                ToolParameter.required(
                        RememberArguments.CONTENT, "the knowledge in full, with its reason (what and why)"),
                ToolParameter.optional(
                        RememberArguments.MARKER, "one short line for prompts; derived from the content when omitted"),
                ToolParameter.optional(
                        RememberArguments.HOUSES,
                        "the houses whose prompts carry it, comma-separated (e.g. ezra,bezalel); every house when"
                                + " omitted"),
                ToolParameter.optional(
                        RememberArguments.RELEVANCE,
                        ParamType.NUMBER,
                        "from 0 to 1; more relevant markers come first (0.5 when omitted)"));
    }

    @Override
    public boolean readOnly() {
        return false;
    }

    /** The memory type, so rules like {@code remember(decision)} or {@code remember(architecture)} match. */
    @Override
    public Optional<String> target(ToolCall call) {
        return call.argument(RememberArguments.TYPE).map(RememberArguments::normalizedType);
    }

    @Override
    public Optional<String> validate(ToolCall call) {
        try {
            RememberArguments.read(call);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    @Override
    public ToolResult execute(ToolCall call) {
        return ToolResult.failure("remember works only within a task: the memory keeps the conversation it came from");
    }

    @Override
    public ToolResult execute(ToolCall call, TurnContext turn) {
        RememberArguments arguments;
        try {
            arguments = RememberArguments.read(call);
        } catch (IllegalArgumentException e) {
            return ToolResult.failure("remember: " + e.getMessage());
        }
        PromoteRequest request = new PromoteRequest(
                requestId(turn.task(), call),
                project,
                arguments.type(),
                arguments.content(),
                arguments.marker(),
                arguments.houses(),
                turn.conversationId(),
                List.of(),
                arguments.relevance(),
                null);
        PromoteResult result;
        try {
            result = memory.promote(turn.task(), request);
        } catch (MemoryClient.Refused e) {
            return ToolResult.failure("remember: memory refused to keep it (" + e.code() + "): " + e.explanation());
        } catch (RequestFailedException e) {
            throw new TransientToolException("memory could not be asked to remember it: " + e.getMessage(), e);
        }
        ProjectMemoryEntry entry = result.entry();
        String kept = "as " + entry.memoryType() + " #" + entry.id() + " for project " + entry.project() + "; marker: "
                + entry.marker();
        return ToolResult.ok(
                result.duplicate()
                        ? "already remembered " + kept + " (this call was made before)"
                        : "remembered " + kept);
    }

    /** The promotion's id: the same task and arguments always give the same id, so memory keeps one entry. */
    public static String requestId(Envelope task, ToolCall call) {
        return Ids.derive(task.id(), NAME + "/" + call.argumentsDigest());
    }
}

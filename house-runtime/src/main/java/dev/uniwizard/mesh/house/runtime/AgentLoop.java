package dev.uniwizard.mesh.house.runtime;

import dev.uniwizard.mesh.core.payload.ReplyPayload;
import dev.uniwizard.mesh.core.payload.StoredMessage;
import dev.uniwizard.mesh.core.payload.ToolCallTrace;
import dev.uniwizard.mesh.house.config.HouseConfig;
import dev.uniwizard.mesh.house.config.LoopConfig;
import dev.uniwizard.mesh.house.engine.ToolExecutor;
import dev.uniwizard.mesh.house.engine.ToolOutcome;
import dev.uniwizard.mesh.house.engine.ToolRequest;
import dev.uniwizard.mesh.house.engine.TurnContext;
import dev.uniwizard.mesh.house.model.ChatCompletion;
import dev.uniwizard.mesh.house.model.ChatMessage;
import dev.uniwizard.mesh.house.model.ChatModel;
import dev.uniwizard.mesh.house.model.ChatRequest;
import dev.uniwizard.mesh.house.model.ModelCallListener;
import dev.uniwizard.mesh.house.model.ModelException;
import dev.uniwizard.mesh.house.model.ToolSpec;
import dev.uniwizard.mesh.house.tools.ToolRegistry;
import dev.uniwizard.mesh.house.tools.ToolSchemas;
import dev.uniwizard.mesh.house.tools.memory.MarkerSource;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The INTELLIGENT (and SOVEREIGN) turn: system prompt (with the project's memory markers) and recent history, then
 * model call, tool calls, results back to the model, until the model answers without calling tools or a budget runs out
 * (steps, tool calls, time). Tool execution stays here and in {@link ToolExecutor}; the model only proposes calls.
 */
@Singleton
public class AgentLoop {

    public static final String BUDGET_EXHAUSTED = "budget_exhausted";
    public static final String MODEL_FAILED = "model_failed";
    public static final String EMPTY_ANSWER = "empty_answer";

    private final HouseConfig config;
    private final LoopConfig budget;
    private final ChatModel model;
    private final ToolRegistry tools;
    private final ToolExecutor executor;
    private final PromptBuilder prompts;
    private final MarkerSource markers;
    private final Clock clock;
    private final ModelCallListener modelCalls;

    public AgentLoop(
            HouseConfig config,
            ChatModel model,
            ToolRegistry tools,
            ToolExecutor executor,
            PromptBuilder prompts,
            MarkerSource markers,
            Clock clock,
            ModelCallListener modelCalls) {
        this.config = config;
        this.budget = config.loop();
        this.model = model;
        this.tools = tools;
        this.executor = executor;
        this.prompts = prompts;
        this.markers = markers;
        this.clock = clock;
        this.modelCalls = modelCalls;
    }

    public TurnResult run(TurnContext turn, String text, List<StoredMessage> history) throws ModelUnavailableException {
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(ChatMessage.system(prompts.systemPrompt(turn, markers.lines(turn))));
        messages.addAll(earlier(history));
        messages.add(ChatMessage.user(text));
        List<ToolSpec> specs = tools.all().stream()
                .map(tool -> new ToolSpec(tool.name(), tool.description(), ToolSchemas.parameters(tool)))
                .toList();
        List<TurnMessage> transcript = new ArrayList<>();
        List<ToolOutcome> done = new ArrayList<>();
        int toolCalls = 0;
        for (int step = 1; step <= budget.maxSteps(); step++) {
            if (clock.instant().isAfter(turn.deadline())) {
                return exhausted("its time budget of " + budget.timeBudget() + " ran out", done, transcript);
            }
            turn.keepAlive().run();
            ChatCompletion completion;
            try {
                completion = model.complete(new ChatRequest(messages, specs));
            } catch (ModelException e) {
                modelCalls.failed(e);
                return modelFailed(e, done, transcript);
            }
            modelCalls.answered();
            ChatMessage answer = completion.message();
            if (!completion.callsTools()) {
                if (answer.text().isBlank()) {
                    return new TurnResult(
                            ReplyPayload.error(
                                    config.name(),
                                    EMPTY_ANSWER,
                                    "The model (" + model.describe() + ") gave an empty answer" + summary(done) + "."),
                            transcript,
                            done);
                }
                return new TurnResult(ReplyPayload.ok(config.name(), answer.text()), transcript, done);
            }
            messages.add(answer);
            List<ToolRequest> read =
                    answer.toolCalls().stream().map(ModelArguments::read).toList();
            transcript.add(new TurnMessage(
                    "step-" + step,
                    "assistant",
                    answer.text(),
                    read.stream()
                            .map(request -> new ToolCallTrace(
                                    request.callId(),
                                    request.call().tool(),
                                    request.problem() == null ? request.call().argumentsJson() : null,
                                    null))
                            .toList()));
            List<ToolRequest> requests = new ArrayList<>();
            List<ToolOutcome> skipped = new ArrayList<>();
            for (ToolRequest request : read) {
                if (toolCalls < budget.maxToolCalls()) {
                    requests.add(request);
                    toolCalls++;
                } else {
                    skipped.add(ToolOutcome.notRun(
                            request.callId(),
                            request.call().tool(),
                            request.call().arguments(),
                            ToolOutcome.Status.REFUSED,
                            "Not run: the turn's budget of " + budget.maxToolCalls() + " tool calls is used up.",
                            java.time.Duration.ZERO));
                }
            }
            List<ToolOutcome> outcomes = new ArrayList<>(executor.execute(turn, requests, answer.text()));
            outcomes.addAll(skipped);
            for (ToolOutcome outcome : outcomes) {
                String content = forModel(outcome);
                messages.add(ChatMessage.tool(outcome.callId(), content));
                transcript.add(new TurnMessage(
                        "step-" + step + "-tool-" + outcome.callId(),
                        "tool",
                        content,
                        List.of(new ToolCallTrace(
                                outcome.callId(),
                                outcome.tool(),
                                outcome.call().argumentsJson(),
                                outcome.status().wireName()))));
            }
            done.addAll(outcomes);
            if (!skipped.isEmpty()) {
                return exhausted("it used up its " + budget.maxToolCalls() + " tool calls", done, transcript);
            }
        }
        return exhausted("it used up its " + budget.maxSteps() + " model steps", done, transcript);
    }

    /** Earlier turns as plain user/assistant text; tool traffic of past turns is not replayed. */
    private static List<ChatMessage> earlier(List<StoredMessage> history) {
        List<ChatMessage> messages = new ArrayList<>();
        for (StoredMessage message : history) {
            if ("user".equals(message.role())) {
                messages.add(ChatMessage.user(message.content()));
            } else if ("assistant".equals(message.role()) && message.toolCalls().isEmpty()) {
                messages.add(ChatMessage.assistant(message.content(), List.of()));
            }
        }
        return messages;
    }

    private String forModel(ToolOutcome outcome) {
        String text = outcome.ok() ? outcome.text() : outcome.status().wireName() + ": " + outcome.text();
        int max = budget.maxToolOutputChars();
        return text.length() <= max
                ? text
                : text.substring(0, max) + "\n[cut: " + (text.length() - max) + " more characters not shown]";
    }

    private TurnResult modelFailed(ModelException e, List<ToolOutcome> done, List<TurnMessage> transcript)
            throws ModelUnavailableException {
        boolean changedSomething = done.stream().anyMatch(outcome -> outcome.attempts() > 0 && sideEffecting(outcome));
        if (e.isTransient() && !changedSomething) {
            throw new ModelUnavailableException(
                    "The model (" + model.describe() + ") is unavailable: " + e.getMessage(), e);
        }
        if (e.kind() == ModelException.Kind.NOT_CONFIGURED) {
            return new TurnResult(
                    ReplyPayload.error(
                            config.name(),
                            MODEL_FAILED,
                            "House '" + config.name() + "' cannot answer plain text: " + e.getMessage()
                                    + ". Commands work without a model: /help lists them."),
                    transcript,
                    done);
        }
        return new TurnResult(
                ReplyPayload.error(
                        config.name(),
                        MODEL_FAILED,
                        "The model (" + model.describe() + ") failed: " + e.getMessage() + summary(done)
                                + (changedSomething
                                        ? ". The task is not retried, as some of these calls changed" + " things."
                                        : ".")),
                transcript,
                done);
    }

    private boolean sideEffecting(ToolOutcome outcome) {
        return tools.find(outcome.tool())
                .map(tool -> tool.sideEffects(
                        new dev.uniwizard.mesh.house.tools.ToolCall(outcome.tool(), outcome.arguments())))
                .orElse(false);
    }

    private TurnResult exhausted(String why, List<ToolOutcome> done, List<TurnMessage> transcript) {
        return new TurnResult(
                ReplyPayload.error(
                        config.name(),
                        BUDGET_EXHAUSTED,
                        "I stopped before finishing: " + why + summary(done)
                                + ". Ask again to continue, or narrow the request."),
                transcript,
                done);
    }

    private static String summary(List<ToolOutcome> done) {
        if (done.isEmpty()) {
            return "";
        }
        return "; tool calls so far: "
                + done.stream()
                        .map(outcome -> outcome.tool() + " (" + outcome.status().wireName() + ")")
                        .collect(Collectors.joining(", "));
    }
}

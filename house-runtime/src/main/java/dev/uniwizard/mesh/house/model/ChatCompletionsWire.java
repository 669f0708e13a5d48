package dev.uniwizard.mesh.house.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The JSON of OpenAI's chat-completions protocol: request bodies out, completions and error messages in. Parsing is
 * lenient where OpenAI-compatible servers differ (llama.cpp, Ollama, vLLM) and strict only where nothing can be done
 * with the answer.
 */
final class ChatCompletionsWire {

    private static final int SNIPPET = 300;

    private final ObjectMapper mapper;
    private final AtomicLong generatedIds = new AtomicLong();

    ChatCompletionsWire(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** {@code {"model","messages","tools","tool_choice","temperature","max_tokens"}}; tools left out when none. */
    byte[] requestBody(String model, ChatRequest request, Optional<Double> temperature, Optional<Integer> maxTokens) {
        ObjectNode root = mapper.createObjectNode();
        root.put("model", model);
        ArrayNode messages = root.putArray("messages");
        for (ChatMessage message : request.messages()) {
            messages.add(message(message));
        }
        if (!request.tools().isEmpty()) {
            ArrayNode tools = root.putArray("tools");
            for (ToolSpec spec : request.tools()) {
                ObjectNode function = tools.addObject().put("type", "function").putObject("function");
                function.put("name", spec.name());
                function.put("description", spec.description() == null ? "" : spec.description());
                if (spec.parameters() == null) {
                    function.putObject("parameters").put("type", "object").putObject("properties");
                } else {
                    function.set("parameters", spec.parameters());
                }
            }
            root.put("tool_choice", "auto");
        }
        temperature.ifPresent(t -> root.put("temperature", t));
        maxTokens.ifPresent(m -> root.put("max_tokens", m));
        try {
            return mapper.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a chat-completions request: " + e.getMessage(), e);
        }
    }

    private ObjectNode message(ChatMessage message) {
        ObjectNode node = mapper.createObjectNode();
        node.put("role", message.role());
        boolean callsTools =
                "assistant".equals(message.role()) && !message.toolCalls().isEmpty();
        if (callsTools && message.text().isEmpty()) {
            node.putNull("content");
        } else {
            node.put("content", message.text());
        }
        if (callsTools) {
            ArrayNode calls = node.putArray("tool_calls");
            for (ModelToolCall call : message.toolCalls()) {
                ObjectNode wire = calls.addObject();
                wire.put("id", call.id());
                wire.put("type", "function");
                ObjectNode function = wire.putObject("function");
                function.put("name", call.name());
                function.put("arguments", call.arguments() == null ? "{}" : call.arguments());
            }
        }
        if (message.toolCallId() != null) {
            node.put("tool_call_id", message.toolCallId());
        }
        return node;
    }

    /**
     * Reads a 2xx body as a completion.
     *
     * @throws ModelException {@link ModelException.Kind#BAD_RESPONSE} saying what is wrong with the body
     */
    ChatCompletion completion(String body, String endpoint) throws ModelException {
        JsonNode root = readJson(body);
        if (root == null || !root.isObject()) {
            throw bad(endpoint, "the body is not a JSON object: " + snippet(body));
        }
        JsonNode choices = root.get("choices");
        if (choices == null || !choices.isArray() || choices.isEmpty()) {
            Optional<String> error = errorText(root);
            throw bad(
                    endpoint,
                    error.map(e -> "an error instead of choices: " + e)
                            .orElse("no 'choices' (" + (choices == null ? "missing" : "got " + snippet(choices))
                                    + ") in " + snippet(body)));
        }
        JsonNode choice = choices.get(0);
        JsonNode message = choice.get("message");
        if (message == null || !message.isObject()) {
            throw bad(endpoint, "choices[0] has no 'message' object: " + snippet(choice));
        }
        List<ModelToolCall> calls = toolCalls(message, endpoint);
        JsonNode finish = choice.get("finish_reason");
        return new ChatCompletion(
                ChatMessage.assistant(content(message.get("content")), calls),
                finish != null && finish.isTextual() ? finish.asText() : null,
                tokens(root, "prompt_tokens"),
                tokens(root, "completion_tokens"));
    }

    private static String content(JsonNode content) {
        if (content == null || content.isNull()) {
            return null;
        }
        if (content.isArray()) { // content parts: [{"type":"text","text":"..."}]
            StringBuilder text = new StringBuilder();
            content.forEach(part -> text.append(
                    part.isTextual() ? part.asText() : part.path("text").asText("")));
            return text.toString();
        }
        return content.isTextual() ? content.asText() : content.toString();
    }

    private List<ModelToolCall> toolCalls(JsonNode message, String endpoint) throws ModelException {
        JsonNode calls = message.get("tool_calls");
        List<ModelToolCall> result = new ArrayList<>();
        if (calls == null || calls.isNull()) {
            JsonNode legacy = message.get("function_call"); // the pre-tools form some servers still send
            if (legacy != null && legacy.isObject()) {
                result.add(toolCall(null, legacy, "choices[0].message.function_call", endpoint));
            }
            return result;
        }
        if (!calls.isArray()) {
            throw bad(endpoint, "choices[0].message.tool_calls is not an array: " + snippet(calls));
        }
        for (int i = 0; i < calls.size(); i++) {
            JsonNode call = calls.get(i);
            String where = "choices[0].message.tool_calls[" + i + "]";
            if (!call.isObject()) {
                throw bad(endpoint, where + " is not an object: " + snippet(call));
            }
            JsonNode id = call.get("id");
            JsonNode function = call.has("function") ? call.get("function") : call;
            result.add(toolCall(id, function, where, endpoint));
        }
        return result;
    }

    private ModelToolCall toolCall(JsonNode id, JsonNode function, String where, String endpoint)
            throws ModelException {
        JsonNode name = function == null ? null : function.get("name");
        if (name == null || !name.isTextual() || name.asText().isBlank()) {
            throw bad(endpoint, where + " has no function name: " + snippet(function));
        }
        JsonNode arguments = function.get("arguments");
        String argumentsText;
        if (arguments == null || arguments.isNull()) {
            argumentsText = "{}";
        } else if (arguments.isTextual()) {
            argumentsText = arguments.asText();
        } else {
            argumentsText = arguments.toString(); // an object, as some servers send
        }
        String callId = id != null && id.isTextual() && !id.asText().isBlank()
                ? id.asText()
                : "call_" + generatedIds.incrementAndGet();
        return new ModelToolCall(callId, name.asText(), argumentsText);
    }

    private static int tokens(JsonNode root, String field) {
        JsonNode value = root.path("usage").get(field);
        return value != null && value.canConvertToInt() && value.isNumber() ? value.asInt() : -1;
    }

    /** The error an endpoint gave: {@code error.message}, a plain {@code error} string, or the start of the body. */
    String errorMessage(String body) {
        if (body == null || body.isBlank()) {
            return "(empty body)";
        }
        JsonNode root = readJson(body);
        if (root != null && root.isObject()) {
            Optional<String> text = errorText(root);
            if (text.isPresent()) {
                return text.get();
            }
        }
        return snippet(body);
    }

    private static Optional<String> errorText(JsonNode root) {
        JsonNode error = root.get("error");
        if (error != null && error.isObject() && error.path("message").isTextual()) {
            return Optional.of(error.get("message").asText());
        }
        if (error != null && error.isTextual()) {
            return Optional.of(error.asText());
        }
        for (String field : List.of("message", "detail")) {
            if (root.path(field).isTextual()) {
                return Optional.of(root.get(field).asText());
            }
        }
        return Optional.empty();
    }

    private JsonNode readJson(String body) {
        try {
            return mapper.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static ModelException bad(String endpoint, String what) {
        return new ModelException(
                ModelException.Kind.BAD_RESPONSE,
                "the model endpoint " + endpoint + " answered with something that is not a chat completion: " + what);
    }

    private static String snippet(Object value) {
        String text = String.valueOf(value).strip();
        return text.length() > SNIPPET ? text.substring(0, SNIPPET) + "..." : text;
    }
}

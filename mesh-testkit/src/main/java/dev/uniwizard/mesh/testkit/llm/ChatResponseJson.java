package dev.uniwizard.mesh.testkit.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The bodies {@link ScriptedChatServer} sends, in the shape OpenAI's chat-completions endpoint uses. */
final class ChatResponseJson {

    private ChatResponseJson() {}

    /** {@code {"id","object":"chat.completion","created","model","choices":[...],"usage":{...}}}. */
    static ObjectNode completion(ObjectMapper mapper, int number, JsonNode request, Step.Completion step) {
        ObjectNode root = mapper.createObjectNode();
        root.put("id", "chatcmpl-scripted-" + number);
        root.put("object", "chat.completion");
        root.put("created", System.currentTimeMillis() / 1000);
        root.put("model", request.path("model").asText("scripted-model"));
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        if (step.content() == null) {
            message.putNull("content");
        } else {
            message.put("content", step.content());
        }
        int answerChars = step.content() == null ? 0 : step.content().length();
        if (!step.toolCalls().isEmpty()) {
            ArrayNode calls = message.putArray("tool_calls");
            for (ScriptedCall call : step.toolCalls()) {
                ObjectNode wire = calls.addObject();
                if (call.id() != null) {
                    wire.put("id", call.id());
                }
                wire.put("type", "function");
                ObjectNode function = wire.putObject("function");
                function.put("name", call.name());
                function.set("arguments", call.arguments());
                answerChars +=
                        call.name().length() + call.arguments().toString().length();
            }
        }
        if (step.finishReason() != null) {
            choice.put("finish_reason", step.finishReason());
        }
        Step.Usage usage = step.usage();
        if (usage == Step.Usage.ESTIMATED) {
            usage = new Step.Usage(tokens(request.path("messages").toString().length()), tokens(answerChars));
        }
        if (usage != null) {
            ObjectNode counts = root.putObject("usage");
            counts.put("prompt_tokens", usage.promptTokens());
            counts.put("completion_tokens", usage.completionTokens());
            counts.put("total_tokens", usage.promptTokens() + usage.completionTokens());
        }
        return root;
    }

    /** {@code {"error":{"message","type","param":null,"code"}}}. */
    static ObjectNode error(ObjectMapper mapper, int status, String message) {
        ObjectNode root = mapper.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("message", message);
        error.put("type", errorType(status));
        error.putNull("param");
        String code = errorCode(status);
        if (code == null) {
            error.putNull("code");
        } else {
            error.put("code", code);
        }
        return root;
    }

    private static String errorType(int status) {
        if (status == 429) {
            return "requests";
        }
        return status >= 500 ? "server_error" : "invalid_request_error";
    }

    private static String errorCode(int status) {
        return switch (status) {
            case 401 -> "invalid_api_key";
            case 404 -> "model_not_found";
            case 429 -> "rate_limit_exceeded";
            default -> null;
        };
    }

    private static int tokens(int chars) {
        return Math.max(1, (chars + 3) / 4);
    }
}

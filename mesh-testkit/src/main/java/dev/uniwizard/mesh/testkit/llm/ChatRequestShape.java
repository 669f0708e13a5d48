package dev.uniwizard.mesh.testkit.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a chat-completions request body the way OpenAI's endpoint does, so a client that works against
 * {@link ScriptedChatServer} is not refused by the real one: the model, the messages (tool messages answer the calls of
 * the assistant message just before them, every call is answered), the tools and the sampling options.
 */
final class ChatRequestShape {

    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool");
    private static final Pattern TOOL_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
    private static final Set<String> TOOL_CHOICES = Set.of("none", "auto", "required");

    private ChatRequestShape() {}

    /** What is wrong with this request body; empty when nothing is. */
    static List<String> violations(JsonNode body) {
        List<String> problems = new ArrayList<>();
        if (body == null || !body.isObject()) {
            problems.add("the body is not a JSON object");
            return problems;
        }
        JsonNode model = body.get("model");
        if (model == null || !model.isTextual() || model.asText().isBlank()) {
            problems.add("'model' must be a non-empty string, got " + describe(model));
        }
        checkMessages(body.get("messages"), problems);
        Set<String> toolNames = checkTools(body.get("tools"), problems);
        checkToolChoice(body.get("tool_choice"), body.has("tools"), toolNames, problems);
        checkOptions(body, problems);
        return problems;
    }

    private static void checkMessages(JsonNode messages, List<String> problems) {
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            problems.add("'messages' must be a non-empty array, got " + describe(messages));
            return;
        }
        Set<String> madeIds = new HashSet<>();
        Set<String> pending = new LinkedHashSet<>();
        int pendingFrom = -1;
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            String where = "messages[" + i + "]";
            if (!message.isObject()) {
                problems.add(where + " is not an object");
                continue;
            }
            JsonNode roleNode = message.get("role");
            String role = roleNode != null && roleNode.isTextual() ? roleNode.asText() : null;
            if (role == null || !ROLES.contains(role)) {
                problems.add(where + ".role must be one of " + ROLES + ", got " + describe(roleNode));
                continue;
            }
            where = where + " (" + role + ")";
            JsonNode content = message.get("content");
            if (content != null && !content.isTextual() && !content.isNull() && !content.isArray()) {
                problems.add(where + ".content must be a string, null or an array of parts, got " + describe(content));
            }
            if (!role.equals("tool") && !pending.isEmpty()) {
                problems.add("messages[" + pendingFrom + "] (assistant) calls " + pending
                        + " but no tool message answers them before " + where);
                pending.clear();
            }
            switch (role) {
                case "tool" -> checkToolMessage(message, where, madeIds, pending, problems);
                case "assistant" -> {
                    JsonNode calls = message.get("tool_calls");
                    if (calls == null || calls.isNull()) {
                        if (content == null || content.isNull()) {
                            problems.add(where + " has neither content nor tool_calls");
                        }
                    } else {
                        checkToolCalls(calls, where, madeIds, pending, problems);
                        pendingFrom = i;
                    }
                }
                default -> {
                    if (content == null || content.isNull()) {
                        problems.add(where + " has no content");
                    }
                }
            }
        }
        if (!pending.isEmpty()) {
            problems.add("messages[" + pendingFrom + "] (assistant) calls " + pending
                    + " but no tool message answers them (the request ends there)");
        }
    }

    private static void checkToolCalls(
            JsonNode calls, String where, Set<String> madeIds, Set<String> pending, List<String> problems) {
        if (!calls.isArray() || calls.isEmpty()) {
            problems.add(where + ".tool_calls must be a non-empty array when present, got " + describe(calls));
            return;
        }
        for (int c = 0; c < calls.size(); c++) {
            JsonNode call = calls.get(c);
            String at = where + ".tool_calls[" + c + "]";
            JsonNode id = call.get("id");
            if (id == null || !id.isTextual() || id.asText().isBlank()) {
                problems.add(at + ".id must be a non-empty string, got " + describe(id));
            } else if (!madeIds.add(id.asText())) {
                problems.add(at + ".id '" + id.asText() + "' was used by an earlier tool call");
            } else {
                pending.add(id.asText());
            }
            if (!"function".equals(call.path("type").asText(null))) {
                problems.add(at + ".type must be \"function\", got " + describe(call.get("type")));
            }
            JsonNode function = call.get("function");
            if (function == null || !function.isObject()) {
                problems.add(at + ".function must be an object, got " + describe(function));
                continue;
            }
            JsonNode name = function.get("name");
            if (name == null || !name.isTextual() || name.asText().isBlank()) {
                problems.add(at + ".function.name must be a non-empty string, got " + describe(name));
            }
            JsonNode arguments = function.get("arguments");
            if (arguments == null || !arguments.isTextual()) {
                problems.add(at + ".function.arguments must be a string (JSON text), got " + describe(arguments));
            }
        }
    }

    private static void checkToolMessage(
            JsonNode message, String where, Set<String> madeIds, Set<String> pending, List<String> problems) {
        JsonNode content = message.get("content");
        if (content == null || content.isNull()) {
            problems.add(where + " has no content");
        }
        JsonNode idNode = message.get("tool_call_id");
        if (idNode == null || !idNode.isTextual() || idNode.asText().isBlank()) {
            problems.add(where + ".tool_call_id must be a non-empty string, got " + describe(idNode));
            return;
        }
        String id = idNode.asText();
        if (pending.remove(id)) {
            return;
        }
        if (madeIds.contains(id)) {
            problems.add(where + " answers tool_call_id '" + id
                    + "', which was answered already or belongs to an assistant message before the last one");
        } else {
            problems.add(where + " answers tool_call_id '" + id + "', which no earlier assistant message made");
        }
    }

    private static Set<String> checkTools(JsonNode tools, List<String> problems) {
        Set<String> names = new HashSet<>();
        if (tools == null) {
            return names;
        }
        if (!tools.isArray() || tools.isEmpty()) {
            problems.add("'tools' must be a non-empty array when present (leave it out when there are none), got "
                    + describe(tools));
            return names;
        }
        for (int t = 0; t < tools.size(); t++) {
            JsonNode tool = tools.get(t);
            String at = "tools[" + t + "]";
            if (!"function".equals(tool.path("type").asText(null))) {
                problems.add(at + ".type must be \"function\", got " + describe(tool.get("type")));
            }
            JsonNode function = tool.get("function");
            if (function == null || !function.isObject()) {
                problems.add(
                        at + ".function must be an object {name, description, parameters}, got " + describe(function));
                continue;
            }
            JsonNode name = function.get("name");
            if (name == null
                    || !name.isTextual()
                    || !TOOL_NAME.matcher(name.asText()).matches()) {
                problems.add(at + ".function.name must match " + TOOL_NAME + ", got " + describe(name));
            } else if (!names.add(name.asText())) {
                problems.add(at + ".function.name '" + name.asText() + "' is given twice");
            }
            JsonNode description = function.get("description");
            if (description == null || !description.isTextual()) {
                problems.add(at + ".function.description must be a string, got " + describe(description));
            }
            JsonNode parameters = function.get("parameters");
            if (parameters == null || !parameters.isObject()) {
                problems.add(at + ".function.parameters must be a JSON Schema object, got " + describe(parameters));
            } else if (!"object".equals(parameters.path("type").asText(null))) {
                problems.add(at + ".function.parameters must be a schema of type \"object\", got type "
                        + describe(parameters.get("type")));
            }
        }
        return names;
    }

    private static void checkToolChoice(JsonNode choice, boolean hasTools, Set<String> names, List<String> problems) {
        if (choice == null) {
            return;
        }
        if (!hasTools) {
            problems.add("'tool_choice' is only allowed when 'tools' are given");
            return;
        }
        if (choice.isTextual()) {
            if (!TOOL_CHOICES.contains(choice.asText())) {
                problems.add(
                        "'tool_choice' must be one of " + TOOL_CHOICES + " or a function, got " + describe(choice));
            }
            return;
        }
        String name = choice.path("function").path("name").asText(null);
        if (!choice.isObject() || !"function".equals(choice.path("type").asText(null)) || name == null) {
            problems.add("'tool_choice' must be a string or {\"type\":\"function\",\"function\":{\"name\":...}}, got "
                    + describe(choice));
        } else if (!names.contains(name)) {
            problems.add("'tool_choice' names function '" + name + "', which is not among the tools");
        }
    }

    private static void checkOptions(JsonNode body, List<String> problems) {
        JsonNode temperature = body.get("temperature");
        if (temperature != null
                && (!temperature.isNumber() || temperature.asDouble() < 0 || temperature.asDouble() > 2)) {
            problems.add("'temperature' must be a number from 0 to 2, got " + describe(temperature));
        }
        for (String key : List.of("max_tokens", "max_completion_tokens")) {
            JsonNode value = body.get(key);
            if (value != null && (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 1)) {
                problems.add("'" + key + "' must be a positive integer, got " + describe(value));
            }
        }
        if (body.path("stream").asBoolean(false)) {
            problems.add("'stream': true is not supported by ScriptedChatServer");
        }
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        String text = node.toString();
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}

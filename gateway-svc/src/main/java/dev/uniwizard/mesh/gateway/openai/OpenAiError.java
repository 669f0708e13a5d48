package dev.uniwizard.mesh.gateway.openai;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The error body OpenAI clients understand: {@code {"error": {"message", "type", "param", "code"}}}. The official
 * clients show {@code message} and raise by status; {@code param} names the request field that was wrong.
 */
public record OpenAiError(Detail error) {

    /** One error; {@code param} and {@code code} are written even when null, as OpenAI does. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Detail(String message, String type, String param, String code) {}

    public static OpenAiError of(String type, String code, String param, String message) {
        return new OpenAiError(new Detail(message, type, param, code));
    }
}

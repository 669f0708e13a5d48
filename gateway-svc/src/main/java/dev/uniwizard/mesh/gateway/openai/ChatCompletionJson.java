package dev.uniwizard.mesh.gateway.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The response shapes of {@code /v1/chat/completions} and {@code /v1/models}, field for field as OpenAI's clients read
 * them. Usage is not measured in the mesh (the houses may not use a token-counting model at all): it is always zero.
 */
public final class ChatCompletionJson {

    public static final String OWNER = "uni-wizard-mesh";

    private ChatCompletionJson() {}

    /** {@code object: "chat.completion"}: a whole answer. */
    public record Completion(String id, String object, long created, String model, List<Choice> choices, Usage usage) {

        public static Completion of(String id, long created, String model, String content) {
            return new Completion(
                    id,
                    "chat.completion",
                    created,
                    model,
                    List.of(new Choice(0, new Message("assistant", content), "stop")),
                    Usage.NONE);
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Choice(
            int index,
            Message message,
            @JsonProperty("finish_reason") String finishReason) {

        @JsonProperty("logprobs")
        public Object logprobs() {
            return null;
        }
    }

    public record Message(String role, String content) {}

    public record Usage(
            @JsonProperty("prompt_tokens") int promptTokens,
            @JsonProperty("completion_tokens") int completionTokens,
            @JsonProperty("total_tokens") int totalTokens) {

        public static final Usage NONE = new Usage(0, 0, 0);
    }

    /** {@code object: "chat.completion.chunk"}: one server-sent event of a streamed answer. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Chunk(String id, String object, long created, String model, List<ChunkChoice> choices, Usage usage) {

        /** A chunk with one choice; {@code finishReason} null while the answer goes on. */
        public static Chunk of(String id, long created, String model, Delta delta, String finishReason) {
            return new Chunk(
                    id,
                    "chat.completion.chunk",
                    created,
                    model,
                    List.of(new ChunkChoice(0, delta, finishReason)),
                    null);
        }

        /** The last chunk when the client asked for usage: no choices, zero usage. */
        public static Chunk usage(String id, long created, String model) {
            return new Chunk(id, "chat.completion.chunk", created, model, List.of(), Usage.NONE);
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ChunkChoice(
            int index,
            Delta delta,
            @JsonProperty("finish_reason") String finishReason) {

        @JsonProperty("logprobs")
        public Object logprobs() {
            return null;
        }
    }

    /** What a chunk adds: the role once at the start, then content. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Delta(String role, String content) {

        public static final Delta END = new Delta(null, null);

        public static Delta assistant() {
            return new Delta("assistant", "");
        }

        public static Delta content(String text) {
            return new Delta(null, text);
        }
    }

    /** {@code GET /v1/models}. */
    public record ModelList(String object, List<Model> data) {

        public static ModelList of(List<String> houses) {
            return new ModelList("list", houses.stream().map(Model::of).toList());
        }
    }

    public record Model(
            String id,
            String object,
            long created,
            @JsonProperty("owned_by") String ownedBy) {

        public static Model of(String house) {
            return new Model(house, "model", 0, OWNER);
        }
    }
}

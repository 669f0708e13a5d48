package dev.uniwizard.mesh.gateway.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.payload.ReplyPayload;
import dev.uniwizard.mesh.gateway.exchange.OpenExchange;
import dev.uniwizard.mesh.gateway.openai.ChatCompletionJson.Chunk;
import dev.uniwizard.mesh.gateway.openai.ChatCompletionJson.Delta;
import dev.uniwizard.mesh.gateway.replies.Reply;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * A streamed chat completion ({@code stream: true}) as OpenAI sends it: server-sent events of
 * {@code chat.completion.chunk} objects with one id, first the assistant role, then each interim notice of the mesh
 * ("⏳ waiting for approval ...") and the answer as content, then a chunk with {@code finish_reason: "stop"} and
 * {@code data: [DONE]}. Every event is flushed at once; while nothing comes, an SSE comment ({@code : keep-alive}) is
 * sent every keep-alive period. When the wait ends without an answer, an OpenAI-style error event closes the stream.
 * The message is already in the mesh when the stream starts; this owns its {@link OpenExchange} and closes it.
 */
final class CompletionStream implements StreamingOutput {

    private static final Logger LOG = Logger.getLogger(CompletionStream.class);
    static final String PENDING_PREFIX = "⏳ ";

    private final OpenExchange exchange;
    private final String house;
    private final Duration wait;
    private final Duration keepAlive;
    private final boolean includeUsage;
    private final ObjectMapper json;
    private final Consumer<String> finished;

    /**
     * @param finished called once with the outcome ({@code replied}, {@code timeout}, {@code client_gone}, ...) when
     *     the stream ends
     */
    CompletionStream(
            OpenExchange exchange,
            String house,
            Duration wait,
            Duration keepAlive,
            boolean includeUsage,
            ObjectMapper json,
            Consumer<String> finished) {
        this.exchange = exchange;
        this.house = house;
        this.wait = wait;
        this.keepAlive = keepAlive;
        this.includeUsage = includeUsage;
        this.json = json;
        this.finished = finished;
    }

    @Override
    public void write(OutputStream out) {
        String outcome = "client_gone";
        try (exchange) {
            outcome = stream(out);
        } catch (IOException e) {
            LOG.debugf(
                    "the client of streamed completion %s went away: %s",
                    exchange.message().id(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = "interrupted";
        } finally {
            finished.accept(outcome);
        }
    }

    private String stream(OutputStream out) throws IOException, InterruptedException {
        Envelope message = exchange.message();
        String id = ChatCompletionsResource.completionId(message);
        long created = message.ts().getEpochSecond();
        event(out, Chunk.of(id, created, house, Delta.assistant(), null));
        long deadline = System.nanoTime() + wait.toNanos();
        Reply notice = null;
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                event(
                        out,
                        ChatCompletionsResource.timeout(message, house, wait, notice)
                                .body());
                return "timeout";
            }
            Optional<Reply> reply = exchange.next(Duration.ofNanos(Math.min(left, keepAlive.toNanos())));
            if (reply.isEmpty()) {
                if (deadline - System.nanoTime() > 0) {
                    send(out, ": keep-alive\n\n");
                }
                continue;
            }
            ReplyPayload payload = reply.get().payload();
            String text = Objects.toString(payload.text(), "");
            if (ReplyPayload.PENDING.equals(payload.status())) {
                notice = reply.get();
                event(out, Chunk.of(id, created, house, Delta.content(PENDING_PREFIX + text + "\n\n"), null));
                continue;
            }
            event(out, Chunk.of(id, created, house, Delta.content(text), null));
            event(out, Chunk.of(id, created, house, Delta.END, "stop"));
            if (includeUsage) {
                event(out, Chunk.usage(id, created, house));
            }
            send(out, "data: [DONE]\n\n");
            return ChatCompletionsResource.outcome(payload);
        }
    }

    private void event(OutputStream out, Object data) throws IOException {
        send(out, "data: " + json.writeValueAsString(data) + "\n\n");
    }

    private static void send(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}

package dev.uniwizard.mesh.cli.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.uniwizard.mesh.cli.text.Json;
import java.time.Duration;
import java.util.Map;

/** The gateway's HTTP API: send a message, read a conversation. */
public final class GatewayClient implements AutoCloseable {

    public static final String DEFAULT_URL = "http://127.0.0.1:8080";
    public static final String MESSAGES_PATH = "/api/v1/messages";
    public static final String CONVERSATIONS_PATH = "/api/v1/conversations/";

    private final MeshHttp http;
    private final Map<String, String> headers;

    public GatewayClient(String url, Duration timeout) {
        this(url, timeout, Map.of());
    }

    /** A client sending {@code headers} (e.g. {@code Authorization}) with every request. */
    public GatewayClient(String url, Duration timeout, Map<String, String> headers) {
        this.http = new MeshHttp("gateway", url, timeout);
        this.headers = Map.copyOf(headers);
    }

    public String baseUrl() {
        return http.baseUrl();
    }

    /** {@code POST /api/v1/messages} with {@code {"house", "conversationId", "text"}}; absent fields are left out. */
    public HttpResult send(String house, String conversationId, String text) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        if (house != null) {
            body.put("house", house);
        }
        if (conversationId != null) {
            body.put("conversationId", conversationId);
        }
        body.put("text", text);
        return http.post(MESSAGES_PATH, body, headers);
    }

    /** {@code GET /api/v1/conversations/<id>}. */
    public HttpResult conversation(String conversationId) {
        return http.get(conversationPath(conversationId), headers);
    }

    /** The path of a conversation, with the id encoded as one path segment. */
    public static String conversationPath(String conversationId) {
        return CONVERSATIONS_PATH + Urls.encode(conversationId);
    }

    @Override
    public void close() {
        http.close();
    }
}

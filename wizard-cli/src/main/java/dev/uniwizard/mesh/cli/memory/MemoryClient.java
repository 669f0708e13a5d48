package dev.uniwizard.mesh.cli.memory;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.uniwizard.mesh.cli.CliError;
import dev.uniwizard.mesh.cli.http.HttpResult;
import dev.uniwizard.mesh.cli.http.MeshHttp;
import dev.uniwizard.mesh.cli.http.OperatorOption;
import dev.uniwizard.mesh.cli.http.Urls;
import dev.uniwizard.mesh.cli.text.Json;
import dev.uniwizard.mesh.core.memory.MarkersRequest;
import dev.uniwizard.mesh.core.memory.MemorySearchRequest;
import dev.uniwizard.mesh.core.memory.ProjectMemoryListRequest;
import dev.uniwizard.mesh.core.memory.PromoteRequest;
import java.time.Duration;
import java.util.Map;

/**
 * memory-svc's HTTP API: chain verification, search, and project memory (list, remember, expire, markers). The
 * requests are the mesh-core records the NATS API takes too. An unreachable memory, a timeout or a bad URL become a
 * {@link CliError} with exit code 2; answers of any status are returned for the command to explain.
 */
public final class MemoryClient implements AutoCloseable {

    public static final String DEFAULT_URL = "http://127.0.0.1:8082";
    public static final String MEMORY_PATH = "/api/v1/memory";
    public static final String VERIFY_PATH = MEMORY_PATH + "/verify";
    public static final String SEARCH_PATH = MEMORY_PATH + "/search";
    public static final String ENTRIES_PATH = MEMORY_PATH + "/entries";
    public static final String MARKERS_PATH = MEMORY_PATH + "/markers";

    private final MeshHttp http;

    public MemoryClient(String url, Duration timeout) {
        this.http = new MeshHttp("memory", url, timeout);
    }

    /** {@code GET /api/v1/memory/verify}: walk the tamper-evident chain. */
    public HttpResult verify() {
        return http.get(VERIFY_PATH);
    }

    /** {@code GET /api/v1/memory/search?q=...&scope=...&house=...&conversation=...&project=...&from=...&to=...}. */
    public HttpResult search(MemorySearchRequest request) {
        return http.get(SEARCH_PATH
                + Urls.query()
                        .add("q", request.query())
                        .add("scope", request.scope())
                        .add("house", request.house())
                        .add("conversation", request.conversationId())
                        .add("project", request.project())
                        .add("from", request.from())
                        .add("to", request.to())
                        .add("limit", request.limit()));
    }

    /** {@code GET /api/v1/memory/entries?project=...&type=...&house=...&includeExpired=...&limit=...}. */
    public HttpResult list(ProjectMemoryListRequest request) {
        return http.get(ENTRIES_PATH
                + Urls.query()
                        .add("project", request.project())
                        .add("type", request.memoryType())
                        .add("house", request.house())
                        .add("includeExpired", request.includeExpired())
                        .add("limit", request.limit()));
    }

    /** {@code POST /api/v1/memory/entries} with the promotion, as {@code operator}. */
    public HttpResult remember(PromoteRequest request, String operator) {
        return http.post(ENTRIES_PATH, request, Map.of(OperatorOption.HEADER, operator));
    }

    /** {@code POST /api/v1/memory/entries/<id>/expire} with {@code {"reason": ...}}, as {@code operator}. */
    public HttpResult expire(long id, String reason, String operator) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        if (reason != null) {
            body.put("reason", reason);
        }
        return http.post(ENTRIES_PATH + "/" + id + "/expire", body, Map.of(OperatorOption.HEADER, operator));
    }

    /** {@code GET /api/v1/memory/markers?project=...&house=...&limit=...}. */
    public HttpResult markers(MarkersRequest request) {
        return http.get(MARKERS_PATH
                + Urls.query()
                        .add("project", request.project())
                        .add("house", request.house())
                        .add("limit", request.limit()));
    }

    @Override
    public void close() {
        http.close();
    }
}

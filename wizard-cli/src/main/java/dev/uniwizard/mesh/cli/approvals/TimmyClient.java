package dev.uniwizard.mesh.cli.approvals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.uniwizard.mesh.cli.CliError;
import dev.uniwizard.mesh.cli.http.HttpResult;
import dev.uniwizard.mesh.cli.http.MeshHttp;
import dev.uniwizard.mesh.cli.http.OperatorOption;
import dev.uniwizard.mesh.cli.http.Urls;
import dev.uniwizard.mesh.cli.text.Json;
import java.time.Duration;
import java.util.Map;

/**
 * Timmy's approval API over HTTP: list, show, approve, deny. An unreachable Timmy, a timeout or a bad URL become a
 * {@link CliError} with exit code 2; answers of any status are returned for the command to explain.
 */
public final class TimmyClient implements AutoCloseable {

    public static final String DEFAULT_URL = "http://localhost:8085";
    public static final String APPROVALS_PATH = "/api/v1/approvals";

    private final MeshHttp http;

    public TimmyClient(String url, Duration timeout) {
        this.http = new MeshHttp("timmy", url, timeout);
    }

    public String baseUrl() {
        return http.baseUrl();
    }

    /** {@code GET /api/v1/approvals?state=<state>&limit=<limit>}. */
    public HttpResult list(String state, int limit) {
        return http.get(APPROVALS_PATH + Urls.query().add("state", state).add("limit", limit));
    }

    /** {@code GET /api/v1/approvals/<id>}. */
    public HttpResult show(String id) {
        return http.get(approvalPath(id));
    }

    /**
     * {@code POST /api/v1/approvals/<id>/<action>} (approve or deny) as {@code operator}, with the note and the digest
     * the operator saw when given.
     */
    public HttpResult decide(String id, String action, String operator, String note, String digest) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        if (note != null) {
            body.put("note", note);
        }
        if (digest != null) {
            body.put("argumentsDigest", digest);
        }
        return http.post(approvalPath(id) + "/" + action, body, Map.of(OperatorOption.HEADER, operator));
    }

    /** The path of one approval, with the id encoded as one path segment. */
    public static String approvalPath(String id) {
        return APPROVALS_PATH + "/" + Urls.encode(id);
    }

    @Override
    public void close() {
        http.close();
    }
}

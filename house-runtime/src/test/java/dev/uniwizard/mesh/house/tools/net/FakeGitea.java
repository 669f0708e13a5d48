package dev.uniwizard.mesh.house.tools.net;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local server answering the Gitea REST API v1 calls of the gitea_* tools with the documented shapes. It knows the
 * repository {@code mesh/wizard} (issue 7 exists), answers 500 for {@code mesh/broken}, 404 for any other repository,
 * and 401 without {@code Authorization: token }{@value #TOKEN}.
 */
final class FakeGitea implements AutoCloseable {

    static final String TOKEN = "s3cret-token";

    private static final Pattern ISSUES = Pattern.compile("/api/v1/repos/([^/]+)/([^/]+)/issues");
    private static final Pattern COMMENTS = Pattern.compile("/api/v1/repos/([^/]+)/([^/]+)/issues/(\\d+)/comments");
    private static final Pattern PULLS = Pattern.compile("/api/v1/repos/([^/]+)/([^/]+)/pulls");

    private static final String ISSUE_LIST = """
            [
              {"id": 101, "number": 12, "title": "Broken build", "state": "open",
               "html_url": "%1$s/mesh/wizard/issues/12", "user": {"id": 1, "login": "alice"},
               "labels": [{"id": 1, "name": "bug", "color": "ee0701"}, {"id": 2, "name": "ci", "color": "00aabb"}],
               "comments": 2, "created_at": "2024-04-30T09:00:00Z", "updated_at": "2024-05-01T10:00:00Z"},
              {"id": 102, "number": 9, "title": "Write the guide", "state": "open",
               "html_url": "%1$s/mesh/wizard/issues/9", "user": {"id": 2, "login": "bob"}, "labels": [],
               "comments": 0, "created_at": "2024-04-01T09:00:00Z", "updated_at": "2024-04-02T08:30:00Z"}
            ]
            """;

    private final ObjectMapper mapper = new ObjectMapper();
    final TestHttpServer server;

    FakeGitea() throws IOException {
        server = new TestHttpServer(this::handle);
    }

    String baseUrl() {
        return server.baseUrl();
    }

    List<TestHttpServer.Received> received() {
        return server.received();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (!("token " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            json(exchange, 401, "{\"message\": \"token is required\", \"url\": \"" + baseUrl() + "/api/swagger\"}");
            return;
        }
        Matcher issues = ISSUES.matcher(path);
        Matcher comments = COMMENTS.matcher(path);
        Matcher pulls = PULLS.matcher(path);
        String repo = null;
        for (Matcher m : List.of(issues, comments, pulls)) {
            if (m.matches()) {
                repo = m.group(1) + "/" + m.group(2);
            }
        }
        if ("mesh/broken".equals(repo)) {
            json(exchange, 500, "{\"message\": \"database is locked\", \"url\": \"\"}");
        } else if (!"mesh/wizard".equals(repo)) {
            notFound(exchange);
        } else if (issues.matches() && method.equals("GET")) {
            json(exchange, 200, ISSUE_LIST.formatted(baseUrl()));
        } else if (comments.matches() && method.equals("POST")) {
            comment(exchange, comments.group(3));
        } else if (pulls.matches() && method.equals("POST")) {
            pull(exchange);
        } else {
            json(exchange, 405, "{\"message\": \"method not allowed\"}");
        }
    }

    private void comment(HttpExchange exchange, String issue) throws IOException {
        if (!issue.equals("7")) {
            notFound(exchange);
            return;
        }
        JsonNode request = mapper.readTree(server.received().getLast().body());
        json(
                exchange,
                201,
                mapper.createObjectNode()
                        .put("id", 99)
                        .put("html_url", baseUrl() + "/mesh/wizard/issues/7#issuecomment-99")
                        .put("body", request.path("body").asText())
                        .toString());
    }

    private void pull(HttpExchange exchange) throws IOException {
        JsonNode request = mapper.readTree(server.received().getLast().body());
        if (request.path("title").asText().length() > 255) {
            json(exchange, 422, "{\"message\": \"[Title]: MaxSize\", \"url\": \"" + baseUrl() + "/api/swagger\"}");
            return;
        }
        json(
                exchange,
                201,
                mapper.createObjectNode()
                        .put("id", 501)
                        .put("number", 13)
                        .put("html_url", baseUrl() + "/mesh/wizard/pulls/13")
                        .put("state", "open")
                        .toString());
    }

    private void notFound(HttpExchange exchange) throws IOException {
        json(exchange, 404, "{\"errors\": null, \"message\": \"The target couldn't be found.\", \"url\": \"\"}");
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        TestHttpServer.respond(exchange, status, "application/json;charset=utf-8", body);
    }

    @Override
    public void close() {
        server.close();
    }
}

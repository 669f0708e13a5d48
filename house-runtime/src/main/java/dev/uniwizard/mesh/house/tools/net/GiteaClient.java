package dev.uniwizard.mesh.house.tools.net;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.house.config.GiteaConfig;
import dev.uniwizard.mesh.house.config.HouseConfig;
import dev.uniwizard.mesh.house.tools.TransientToolException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The few Gitea REST API v1 calls the gitea_* tools make, authenticated with {@code house.gitea.token}. A refused
 * token, a missing repository or a rejected request is a {@link GiteaException}; a server error, a rate limit or a
 * connection that fails is a {@link TransientToolException}, worth retrying.
 */
@Singleton
public class GiteaClient {

    /**
     * One issue as listed.
     *
     * @param number the issue's number in its repository
     * @param title its title
     * @param state {@code open} or {@code closed}
     * @param htmlUrl its web page
     * @param user the login of whoever opened it
     * @param labels its label names
     * @param updatedAt when it last changed, as Gitea wrote it (ISO 8601)
     */
    public record Issue(
            long number,
            String title,
            String state,
            String htmlUrl,
            String user,
            List<String> labels,
            String updatedAt) {}

    /**
     * Something the client created.
     *
     * @param id the comment id or the pull request number
     * @param htmlUrl its web page
     */
    public record Created(long id, String htmlUrl) {}

    private final Optional<String> baseUrl;
    private final Optional<String> token;
    private final Optional<String> defaultRepo;
    private final Duration timeout;
    private final HttpClient client;
    private final ObjectMapper mapper = EnvelopeCodec.mapper();

    @Inject
    public GiteaClient(HouseConfig config) {
        this(config.gitea());
    }

    public GiteaClient(GiteaConfig config) {
        this.baseUrl = config.baseUrl().map(String::strip).filter(url -> !url.isEmpty());
        this.token = config.token().map(String::strip).filter(t -> !t.isEmpty());
        this.defaultRepo = config.defaultRepo().map(String::strip).filter(r -> !r.isEmpty());
        this.timeout = config.timeout();
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build();
    }

    /** How long one request may take. */
    public Duration timeout() {
        return timeout;
    }

    /** The repository a call names, or the configured default, as written; for permission rule targets. */
    public Optional<String> repositoryName(Optional<String> given) {
        return given.map(String::strip).filter(r -> !r.isEmpty()).or(() -> defaultRepo);
    }

    /** The repository a call names, or {@code house.gitea.default-repo}. */
    public GiteaRepo repository(Optional<String> given) throws GiteaException {
        Optional<String> name = repositoryName(given);
        if (name.isEmpty()) {
            throw new GiteaException("no repository: name it with repo=owner/name or set house.gitea.default-repo");
        }
        return GiteaRepo.parse(name.get());
    }

    /** {@code GET /repos/{owner}/{repo}/issues?state=&type=issues&limit=} (pull requests left out). */
    public List<Issue> listIssues(GiteaRepo repo, String state, int limit, Optional<String> labels)
            throws GiteaException {
        String query = "?state=" + encode(state) + "&type=issues&limit=" + limit + "&page=1"
                + labels.map(l -> "&labels=" + encode(l)).orElse("");
        JsonNode answer = send("GET", repoPath(repo) + "/issues" + query, null, "repository " + repo);
        if (!answer.isArray()) {
            throw new GiteaException("Gitea answered the issue list of " + repo + " with something that is not a"
                    + " list: " + abbreviate(answer.toString()));
        }
        List<Issue> issues = new ArrayList<>();
        for (JsonNode node : answer) {
            List<String> labelNames = new ArrayList<>();
            node.path("labels")
                    .forEach(label -> labelNames.add(label.path("name").asText()));
            issues.add(new Issue(
                    node.path("number").asLong(),
                    node.path("title").asText(""),
                    node.path("state").asText(""),
                    node.path("html_url").asText(""),
                    node.path("user").path("login").asText("?"),
                    List.copyOf(labelNames),
                    node.path("updated_at").asText("")));
        }
        return issues;
    }

    /** {@code POST /repos/{owner}/{repo}/issues/{index}/comments} with {@code {"body"}}. */
    public Created comment(GiteaRepo repo, long issue, String body) throws GiteaException {
        ObjectNode request = mapper.createObjectNode().put("body", body);
        JsonNode answer = send(
                "POST", repoPath(repo) + "/issues/" + issue + "/comments", request, "issue #" + issue + " of " + repo);
        return new Created(answer.path("id").asLong(), answer.path("html_url").asText(""));
    }

    /** {@code POST /repos/{owner}/{repo}/pulls} with {@code {"title","body","head","base"}}. */
    public Created createPull(GiteaRepo repo, String title, String head, String base, String body)
            throws GiteaException {
        ObjectNode request = mapper.createObjectNode()
                .put("title", title)
                .put("body", body)
                .put("head", head)
                .put("base", base);
        JsonNode answer = send("POST", repoPath(repo) + "/pulls", request, "repository " + repo);
        return new Created(
                answer.path("number").asLong(), answer.path("html_url").asText(""));
    }

    private JsonNode send(String method, String path, JsonNode body, String subject) throws GiteaException {
        URI uri = uri(path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Authorization", "token " + token.orElseThrow())
                .header("Accept", "application/json");
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        }
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            String what = "Gitea " + method + " " + uri;
            Optional<TransientToolException> retry = HttpErrors.transientFor(what, e);
            if (retry.isPresent()) {
                throw retry.get();
            }
            throw new GiteaException(what + " failed: " + HttpErrors.describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GiteaException("interrupted while calling Gitea at " + uri);
        }
        return answer(response, method + " " + uri, subject);
    }

    private JsonNode answer(HttpResponse<String> response, String call, String subject) throws GiteaException {
        int status = response.statusCode();
        String text = response.body() == null ? "" : response.body();
        if (status >= 200 && status < 300) {
            if (text.isBlank()) {
                return NullNode.getInstance();
            }
            try {
                return mapper.readTree(text);
            } catch (JsonProcessingException e) {
                throw new GiteaException(
                        "Gitea answered " + call + " with something that is not JSON: " + abbreviate(text));
            }
        }
        String message = giteaMessage(text);
        if (status >= 500 || status == 429) {
            throw new TransientToolException("Gitea answered " + call + " with HTTP " + status + message);
        }
        if (status == 401 || status == 403) {
            throw new GiteaException("Gitea refused the token (HTTP " + status + ")" + message
                    + ": check house.gitea.token and that it may use " + subject);
        }
        if (status == 404) {
            throw new GiteaException("repository or issue not found: " + subject + " (HTTP 404 from Gitea)");
        }
        if (status == 422) {
            throw new GiteaException("Gitea rejected the request (HTTP 422)" + message);
        }
        throw new GiteaException("Gitea answered " + call + " with HTTP " + status + message);
    }

    /** Gitea's {@code message} (and {@code errors}), as {@code : message}, or the start of a body that is not JSON. */
    private String giteaMessage(String body) {
        if (body.isBlank()) {
            return "";
        }
        try {
            JsonNode node = mapper.readTree(body);
            List<String> parts = new ArrayList<>();
            if (node.hasNonNull("message") && !node.get("message").asText().isBlank()) {
                parts.add(node.get("message").asText());
            }
            node.path("errors").forEach(error -> parts.add(error.isTextual() ? error.asText() : error.toString()));
            return parts.isEmpty() ? ": " + abbreviate(body) : ": " + String.join("; ", parts);
        } catch (JsonProcessingException e) {
            return ": " + abbreviate(body);
        }
    }

    private URI uri(String path) throws GiteaException {
        if (baseUrl.isEmpty()) {
            throw new GiteaException(
                    "Gitea is not configured: set house.gitea.base-url (e.g. https://gitea.example.org)");
        }
        if (token.isEmpty()) {
            throw new GiteaException("Gitea is not configured: set house.gitea.token (best as the environment"
                    + " variable HOUSE_GITEA_TOKEN) to an access token of the house's Gitea user");
        }
        String base = baseUrl.get().replaceAll("/+$", "");
        URI uri;
        try {
            uri = URI.create(base + "/api/v1" + path);
        } catch (IllegalArgumentException e) {
            throw new GiteaException("house.gitea.base-url '" + baseUrl.get() + "' is not a valid URL");
        }
        String scheme = Optional.ofNullable(uri.getScheme()).orElse("").toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new GiteaException("house.gitea.base-url '" + baseUrl.get()
                    + "' is not an http(s) URL with a host (e.g. https://gitea.example.org)");
        }
        return uri;
    }

    private static String repoPath(GiteaRepo repo) {
        return "/repos/" + repo.owner() + "/" + repo.name();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "...";
    }
}

package dev.uniwizard.mesh.gitea;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.uniwizard.mesh.core.http.IoFailures;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The Gitea REST API v1 calls the mesh makes, written once: the houses' gitea_* tools, the router's triage and the
 * gateway's replies all go through here. Every call goes to {@code <baseUrl>/api/v1} with
 * {@code Authorization: token <token>}; every failure is a {@link GiteaApiException} carrying Gitea's own
 * {@code message} and whether it is worth retrying. Thread-safe; one instance per Gitea server and token.
 */
public final class GiteaApi {

    /**
     * One issue (or pull request, which shares the issue numbers).
     *
     * @param number the issue's number in its repository
     * @param title its title
     * @param state {@code open} or {@code closed}
     * @param htmlUrl its web page
     * @param user the login of whoever opened it
     * @param labels its label names
     * @param assignees the logins it is assigned to
     * @param updatedAt when it last changed, as Gitea wrote it (ISO 8601)
     */
    public record Issue(
            long number,
            String title,
            String state,
            String htmlUrl,
            String user,
            List<String> labels,
            List<String> assignees,
            String updatedAt) {}

    /**
     * Something a call created.
     *
     * @param id the comment id, or the pull request's number
     * @param htmlUrl its web page
     */
    public record Created(long id, String htmlUrl) {}

    /**
     * One comment on an issue or pull request.
     *
     * @param id the comment id
     * @param user the login of its author
     * @param body its Markdown text
     */
    public record Comment(long id, String user, String body) {}

    /** Colour of labels {@link #addLabels} has to create. */
    public static final String NEW_LABEL_COLOR = "#ededed";

    /** Items asked for per page of a paged list (Gitea's default maximum is 50). */
    static final int PAGE_SIZE = 50;

    /** Pages read at most from one list, so a misbehaving server cannot keep a caller looping. */
    static final int MAX_PAGES = 100;

    private final String baseUrl;
    private final String token;
    private final Duration timeout;
    private final HttpClient client;
    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * @param baseUrl the Gitea server, e.g. {@code https://gitea.example.org} (a trailing slash is fine)
     * @param token an access token of the Gitea user the calls act as
     * @param timeout how long one request may take, connecting included
     * @throws IllegalArgumentException when the URL is not http(s) with a host, the token is blank or the timeout is
     *     not positive; the message says which
     */
    public GiteaApi(String baseUrl, String token, Duration timeout) {
        this.baseUrl = validBaseUrl(baseUrl);
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException(
                    "the Gitea access token is blank: give the token of the Gitea user the mesh acts as");
        }
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("the Gitea timeout must be positive, got " + timeout);
        }
        this.token = token.strip();
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build();
    }

    /** The server, without a trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    /** How long one request may take. */
    public Duration timeout() {
        return timeout;
    }

    /** {@code GET /repos/{owner}/{repo}/issues?state=&type=issues&limit=&page=1[&labels=]} (pull requests left out). */
    public List<Issue> listIssues(GiteaRepo repo, String state, int limit, Optional<String> labels)
            throws GiteaApiException {
        String query = "?state=" + encode(state) + "&type=issues&limit=" + limit + "&page=1"
                + labels.map(l -> "&labels=" + encode(l)).orElse("");
        String subject = "repository " + repo;
        JsonNode answer =
                send("GET", repoPath(repo) + "/issues" + query, null, subject).body();
        List<Issue> issues = new ArrayList<>();
        for (JsonNode node : array(answer, "the issue list of " + repo)) {
            issues.add(issue(node));
        }
        return issues;
    }

    /** {@code GET /repos/{owner}/{repo}/issues/{index}}. */
    public Issue issue(GiteaRepo repo, long number) throws GiteaApiException {
        JsonNode answer = send("GET", issuePath(repo, number), null, issueSubject(repo, number))
                .body();
        if (!answer.isObject()) {
            throw unexpected("issue #" + number + " of " + repo, answer);
        }
        return issue(answer);
    }

    /** {@code POST /repos/{owner}/{repo}/issues/{index}/comments} with {@code {"body"}}. */
    public Created comment(GiteaRepo repo, long issue, String body) throws GiteaApiException {
        ObjectNode request = mapper.createObjectNode().put("body", body);
        JsonNode answer = send("POST", issuePath(repo, issue) + "/comments", request, issueSubject(repo, issue))
                .body();
        return new Created(answer.path("id").asLong(), answer.path("html_url").asText(""));
    }

    /** {@code GET /repos/{owner}/{repo}/issues/{index}/comments}, oldest first. */
    public List<Comment> comments(GiteaRepo repo, long issue) throws GiteaApiException {
        JsonNode answer = send("GET", issuePath(repo, issue) + "/comments", null, issueSubject(repo, issue))
                .body();
        List<Comment> comments = new ArrayList<>();
        for (JsonNode node : array(answer, "the comments of issue #" + issue + " of " + repo)) {
            comments.add(new Comment(
                    node.path("id").asLong(),
                    node.path("user").path("login").asText("?"),
                    node.path("body").asText("")));
        }
        return comments;
    }

    /** {@code POST /repos/{owner}/{repo}/pulls} with {@code {"title","body","head","base"}}; id is the PR number. */
    public Created createPull(GiteaRepo repo, String title, String head, String base, String body)
            throws GiteaApiException {
        ObjectNode request = mapper.createObjectNode()
                .put("title", title)
                .put("body", body)
                .put("head", head)
                .put("base", base);
        JsonNode answer = send("POST", repoPath(repo) + "/pulls", request, "repository " + repo)
                .body();
        return new Created(
                answer.path("number").asLong(), answer.path("html_url").asText(""));
    }

    /**
     * Adds labels by name to an issue or pull request, creating the labels the repository does not have yet (colour
     * {@value #NEW_LABEL_COLOR}): {@code GET /repos/{owner}/{repo}/labels} (all pages) to find their ids,
     * {@code POST /repos/{owner}/{repo}/labels} for each missing one, then
     * {@code POST /repos/{owner}/{repo}/issues/{index}/labels} with {@code {"labels":[ids]}}. Labels already on the
     * issue stay. Blank names are ignored; no names, no call.
     */
    public void addLabels(GiteaRepo repo, long issue, List<String> labelNames) throws GiteaApiException {
        Set<String> wanted = new LinkedHashSet<>();
        labelNames.stream().map(String::strip).filter(n -> !n.isEmpty()).forEach(wanted::add);
        if (wanted.isEmpty()) {
            return;
        }
        Map<String, Long> existing = new LinkedHashMap<>();
        for (JsonNode label : pages(repoPath(repo) + "/labels", "repository " + repo, "the labels of " + repo)) {
            existing.putIfAbsent(label.path("name").asText(""), label.path("id").asLong());
        }
        ArrayNode ids = mapper.createArrayNode();
        for (String name : wanted) {
            OptionalLong id = idOf(existing, name);
            ids.add(id.isPresent() ? id.getAsLong() : createLabel(repo, name));
        }
        ObjectNode request = mapper.createObjectNode();
        request.set("labels", ids);
        send("POST", issuePath(repo, issue) + "/labels", request, issueSubject(repo, issue));
    }

    /**
     * Assigns an issue or pull request to more users, keeping those it is already assigned to: reads the issue, then
     * {@code PATCH /repos/{owner}/{repo}/issues/{index}} with {@code {"assignees":[union]}}. No PATCH when every login
     * is already assigned.
     */
    public void addAssignees(GiteaRepo repo, long issue, List<String> logins) throws GiteaApiException {
        Set<String> assignees = new LinkedHashSet<>(issue(repo, issue).assignees());
        int before = assignees.size();
        logins.stream().map(String::strip).filter(l -> !l.isEmpty()).forEach(assignees::add);
        if (assignees.size() == before) {
            return;
        }
        ObjectNode request = mapper.createObjectNode();
        ArrayNode all = request.putArray("assignees");
        assignees.forEach(all::add);
        send("PATCH", issuePath(repo, issue), request, issueSubject(repo, issue));
    }

    /** {@code GET /repos/{owner}/{repo}/pulls/{index}/files} (all pages): the changed files' paths. */
    public List<String> pullRequestFiles(GiteaRepo repo, long number) throws GiteaApiException {
        List<String> files = new ArrayList<>();
        for (JsonNode file : pages(
                repoPath(repo) + "/pulls/" + number + "/files",
                "pull request #" + number + " of " + repo,
                "the files of pull request #" + number + " of " + repo)) {
            String name = file.path("filename").asText("");
            if (!name.isEmpty()) {
                files.add(name);
            }
        }
        return files;
    }

    private long createLabel(GiteaRepo repo, String name) throws GiteaApiException {
        ObjectNode request = mapper.createObjectNode().put("name", name).put("color", NEW_LABEL_COLOR);
        JsonNode answer = send("POST", repoPath(repo) + "/labels", request, "repository " + repo)
                .body();
        if (!answer.path("id").canConvertToLong() || answer.path("id").asLong() <= 0) {
            throw unexpected("the new label '" + name + "' of " + repo, answer);
        }
        return answer.path("id").asLong();
    }

    private static OptionalLong idOf(Map<String, Long> labels, String name) {
        if (labels.containsKey(name)) {
            return OptionalLong.of(labels.get(name));
        }
        return labels.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .mapToLong(Map.Entry::getValue)
                .findFirst();
    }

    private Issue issue(JsonNode node) {
        List<String> labels = new ArrayList<>();
        node.path("labels").forEach(label -> labels.add(label.path("name").asText()));
        List<String> assignees = new ArrayList<>();
        node.path("assignees").forEach(user -> assignees.add(user.path("login").asText()));
        return new Issue(
                node.path("number").asLong(),
                node.path("title").asText(""),
                node.path("state").asText(""),
                node.path("html_url").asText(""),
                node.path("user").path("login").asText("?"),
                List.copyOf(labels),
                List.copyOf(assignees),
                node.path("updated_at").asText(""));
    }

    /** Every item of a paged list: pages of {@value #PAGE_SIZE} until one is empty or X-Total-Count is reached. */
    private List<JsonNode> pages(String path, String subject, String what) throws GiteaApiException {
        List<JsonNode> items = new ArrayList<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            Answer answer = send("GET", path + "?page=" + page + "&limit=" + PAGE_SIZE, null, subject);
            JsonNode list = array(answer.body(), what);
            list.forEach(items::add);
            OptionalLong total = answer.totalCount();
            if (list.isEmpty() || (total.isPresent() && items.size() >= total.getAsLong())) {
                return items;
            }
        }
        throw new GiteaApiException(
                "Gitea listed more than " + MAX_PAGES + " pages of " + what + "; stopped reading", 0, false, null);
    }

    private JsonNode array(JsonNode answer, String what) throws GiteaApiException {
        if (!answer.isArray()) {
            throw unexpected(what, answer);
        }
        return answer;
    }

    private static GiteaApiException unexpected(String what, JsonNode answer) {
        return new GiteaApiException(
                "Gitea answered " + what + " with something unexpected: " + abbreviate(answer.toString()),
                0,
                false,
                null);
    }

    private record Answer(JsonNode body, OptionalLong totalCount) {}

    private Answer send(String method, String path, JsonNode body, String subject) throws GiteaApiException {
        URI uri = URI.create(baseUrl + "/api/v1" + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Authorization", "token " + token)
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        }
        String call = method + " " + uri;
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw ioFailure("Gitea " + call, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GiteaApiException("interrupted while calling Gitea at " + uri, 0, false, e);
        }
        return answer(response, call, subject);
    }

    private Answer answer(HttpResponse<String> response, String call, String subject) throws GiteaApiException {
        int status = response.statusCode();
        String text = response.body() == null ? "" : response.body();
        if (status >= 200 && status < 300) {
            OptionalLong total = response.headers()
                    .firstValue("X-Total-Count")
                    .flatMap(GiteaApi::parseLong)
                    .map(OptionalLong::of)
                    .orElse(OptionalLong.empty());
            if (text.isBlank()) {
                return new Answer(NullNode.getInstance(), total);
            }
            try {
                return new Answer(mapper.readTree(text), total);
            } catch (JsonProcessingException e) {
                throw new GiteaApiException(
                        "Gitea answered " + call + " with something that is not JSON: " + abbreviate(text),
                        status,
                        false,
                        e);
            }
        }
        String message = giteaMessage(text);
        if (status >= 500 || status == 429) {
            throw new GiteaApiException(
                    "Gitea answered " + call + " with HTTP " + status + message, status, true, null);
        }
        if (status == 401 || status == 403) {
            throw new GiteaApiException(
                    "Gitea refused the token (HTTP " + status + ")" + message
                            + ": check the token and that its user may use " + subject,
                    status,
                    false,
                    null);
        }
        if (status == 404) {
            throw new GiteaApiException(
                    "repository or issue not found: " + subject + " (HTTP 404 from Gitea)", status, false, null);
        }
        if (status == 422) {
            throw new GiteaApiException("Gitea rejected the request (HTTP 422)" + message, status, false, null);
        }
        throw new GiteaApiException("Gitea answered " + call + " with HTTP " + status + message, status, false, null);
    }

    /** Sorts an I/O failure: refused, timed out or reset is transient; a TLS problem will not pass by retrying. */
    private static GiteaApiException ioFailure(String what, IOException e) {
        if (!IoFailures.worthRetrying(e)) {
            return new GiteaApiException(what + " failed: " + IoFailures.describe(e), 0, false, e);
        }
        return new GiteaApiException(what + ": " + IoFailures.reason(e), 0, true, e);
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

    private static String validBaseUrl(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException(
                    "the Gitea base URL is blank: give the server, e.g. https://gitea.example.org");
        }
        String base = baseUrl.strip().replaceAll("/+$", "");
        URI uri;
        try {
            uri = URI.create(base + "/api/v1");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the Gitea base URL '" + baseUrl + "' is not a valid URL");
        }
        String scheme = Objects.requireNonNullElse(uri.getScheme(), "").toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("the Gitea base URL '" + baseUrl
                    + "' is not an http(s) URL with a host (e.g. https://gitea.example.org)");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    "the Gitea base URL '" + baseUrl + "' must not have a query or fragment");
        }
        return base;
    }

    private static String repoPath(GiteaRepo repo) {
        return "/repos/" + repo.owner() + "/" + repo.name();
    }

    private static String issuePath(GiteaRepo repo, long number) {
        return repoPath(repo) + "/issues/" + number;
    }

    private static String issueSubject(GiteaRepo repo, long number) {
        return "issue #" + number + " of " + repo;
    }

    private static Optional<Long> parseLong(String text) {
        try {
            return Optional.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "...";
    }
}

package dev.uniwizard.mesh.testkit.platforms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small in-memory Gitea (REST API v1) over real HTTP, for the mesh's Gitea client ({@code mesh-gitea}'s
 * {@code GiteaApi}) in router, gateway and end-to-end tests. A test creates repositories, issues, pull requests (with
 * changed files) and labels; the fake answers, with Gitea's JSON shapes:
 *
 * <ul>
 *   <li>{@code GET /repos/{o}/{r}/issues} (state, type, labels, page, limit), {@code GET|PATCH /repos/{o}/{r}/issues/{n}}
 *   <li>{@code GET|POST /repos/{o}/{r}/issues/{n}/comments}, {@code POST /repos/{o}/{r}/issues/{n}/labels}
 *   <li>{@code GET|POST /repos/{o}/{r}/labels} (paged), {@code POST /repos/{o}/{r}/pulls},
 *       {@code GET /repos/{o}/{r}/pulls/{n}/files} (paged)
 * </ul>
 *
 * All under {@code /api/v1}; every call needs {@code Authorization: token <token>} (else 401 {@code {"message":"token
 * is required"}}); an unknown repository or issue is 404 {@code {"message":"The target couldn't be found."}}. Lists are
 * paged like Gitea (at most {@link #maxPageSize(int)} items, default 50, with {@code X-Total-Count}). What was written
 * is readable back through {@link #issue}. Script failures with {@link #failNext}. Thread-safe.
 */
public class FakeGiteaApi extends RecordingHttpServer {

    /** The token the fake accepts unless another is given. */
    public static final String TOKEN = "fake-gitea-token";

    /** A comment as stored. */
    public record FakeComment(long id, String user, String body) {}

    /**
     * A snapshot of an issue or pull request.
     *
     * @param repo {@code owner/name}
     * @param number its number (issues and pull requests share them)
     * @param pull whether it is a pull request
     * @param labels its label names, in the order they were added
     * @param assignees logins it is assigned to
     * @param comments its comments, oldest first
     */
    public record FakeIssue(
            String repo,
            long number,
            String title,
            String body,
            String user,
            String state,
            boolean pull,
            List<String> labels,
            List<String> assignees,
            List<FakeComment> comments,
            List<String> files) {}

    private static final String REPO = "/api/v1/repos/([^/]+)/([^/]+)";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final class Label {
        final long id;
        final String name;
        final String color;

        Label(long id, String name, String color) {
            this.id = id;
            this.name = name;
            this.color = color;
        }
    }

    private static final class IssueState {
        final long id;
        final long number;
        final boolean pull;
        String title;
        String body;
        final String user;
        String state = "open";
        final List<Long> labels = new ArrayList<>();
        final List<String> assignees = new ArrayList<>();
        final List<FakeComment> comments = new ArrayList<>();
        final List<String> files = new ArrayList<>();
        String head = "";
        String base = "";
        long updated;

        IssueState(long id, long number, boolean pull, String title, String body, String user) {
            this.id = id;
            this.number = number;
            this.pull = pull;
            this.title = title;
            this.body = body;
            this.user = user;
        }
    }

    private static final class RepoState {
        final String fullName;
        final Map<Long, Label> labels = new LinkedHashMap<>();
        final Map<Long, IssueState> issues = new TreeMap<>();
        long nextNumber = 1;

        RepoState(String fullName) {
            this.fullName = fullName;
        }
    }

    private final String token;
    private final String botLogin;
    private final Map<String, RepoState> repos = new HashMap<>();
    private long nextId = 1000;
    private long clock;
    private int maxPageSize = 50;

    /** A fake accepting {@value #TOKEN}, commenting as {@code mesh-bot}. */
    public FakeGiteaApi() {
        this(TOKEN, "mesh-bot");
    }

    /**
     * @param token the only token accepted
     * @param botLogin the login comments, labels and pull requests made through the API are attributed to
     */
    public FakeGiteaApi(String token, String botLogin) {
        super("fake-gitea");
        this.token = token;
        this.botLogin = botLogin;
        route("GET", REPO + "/issues", authed(this::listIssues));
        route("GET", REPO + "/issues/(\\d+)", authed(this::getIssue));
        route("PATCH", REPO + "/issues/(\\d+)", authed(this::editIssue));
        route("GET", REPO + "/issues/(\\d+)/comments", authed(this::listComments));
        route("POST", REPO + "/issues/(\\d+)/comments", authed(this::createComment));
        route("POST", REPO + "/issues/(\\d+)/labels", authed(this::addIssueLabels));
        route("GET", REPO + "/labels", authed(this::listLabels));
        route("POST", REPO + "/labels", authed(this::createLabel));
        route("POST", REPO + "/pulls", authed(this::createPull));
        route("GET", REPO + "/pulls/(\\d+)/files", authed(this::pullFiles));
    }

    /** The token the fake accepts. */
    public String token() {
        return token;
    }

    /** Lists answer at most this many items per page (Gitea's MAX_RESPONSE_ITEMS; default 50). */
    public synchronized FakeGiteaApi maxPageSize(int items) {
        this.maxPageSize = items;
        return this;
    }

    // ---- set up by the test -------------------------------------------------------------------------------------

    /** Creates the repository {@code owner/name} (no-op when it exists). */
    public synchronized FakeGiteaApi createRepo(String fullName) {
        repos.computeIfAbsent(fullName, RepoState::new);
        return this;
    }

    /** Adds a repository label; returns its id. */
    public synchronized long addLabel(String repo, String name) {
        RepoState state = repo(repo);
        long id = ++nextId;
        state.labels.put(id, new Label(id, name, "ededed"));
        return id;
    }

    /** Opens an issue by {@code user} with existing or new labels; returns its number. */
    public synchronized long addIssue(String repo, String title, String body, String user, String... labels) {
        RepoState state = repo(repo);
        IssueState issue = new IssueState(++nextId, state.nextNumber++, false, title, body, user);
        issue.updated = ++clock;
        for (String label : labels) {
            issue.labels.add(labelId(state, label));
        }
        state.issues.put(issue.number, issue);
        return issue.number;
    }

    /** Opens a pull request by {@code user} from {@code head} into {@code base} changing {@code files}. */
    public synchronized long addPull(
            String repo, String title, String body, String user, String head, String base, List<String> files) {
        RepoState state = repo(repo);
        IssueState pull = new IssueState(++nextId, state.nextNumber++, true, title, body, user);
        pull.updated = ++clock;
        pull.head = head;
        pull.base = base;
        pull.files.addAll(files);
        state.issues.put(pull.number, pull);
        return pull.number;
    }

    /** Assigns an issue to logins (added to those it has). */
    public synchronized void assign(String repo, long number, String... logins) {
        IssueState issue = issueState(repo, number);
        for (String login : logins) {
            if (!issue.assignees.contains(login)) {
                issue.assignees.add(login);
            }
        }
    }

    /** Adds a comment by {@code user}. */
    public synchronized long addComment(String repo, long number, String user, String body) {
        IssueState issue = issueState(repo, number);
        long id = ++nextId;
        issue.comments.add(new FakeComment(id, user, body));
        return id;
    }

    /** Closes an issue. */
    public synchronized void closeIssue(String repo, long number) {
        issueState(repo, number).state = "closed";
    }

    // ---- read back by the test ------------------------------------------------------------------------------------

    /** A snapshot of issue or pull request {@code number}; throws when there is none. */
    public synchronized FakeIssue issue(String repo, long number) {
        RepoState state = repo(repo);
        IssueState issue = issueState(repo, number);
        return new FakeIssue(
                state.fullName,
                issue.number,
                issue.title,
                issue.body,
                issue.user,
                issue.state,
                issue.pull,
                issue.labels.stream().map(id -> state.labels.get(id).name).toList(),
                List.copyOf(issue.assignees),
                List.copyOf(issue.comments),
                List.copyOf(issue.files));
    }

    /** The repository's label names, in creation order. */
    public synchronized List<String> labels(String repo) {
        return repo(repo).labels.values().stream().map(l -> l.name).toList();
    }

    // ---- the API --------------------------------------------------------------------------------------------------

    private Answer listIssues(RecordedRequest request, Matcher path) {
        RepoState repo = repos.get(fullName(path));
        if (repo == null) {
            return notFound();
        }
        Map<String, String> query = query(request);
        String state = query.getOrDefault("state", "open");
        String type = query.getOrDefault("type", "");
        Set<String> wanted = new LinkedHashSet<>();
        if (query.containsKey("labels") && !query.get("labels").isBlank()) {
            Arrays.stream(query.get("labels").split(",")).map(String::strip).forEach(wanted::add);
        }
        List<IssueState> matching = repo.issues.values().stream()
                .filter(i -> state.equals("all") || i.state.equals(state))
                .filter(i -> !type.equals("issues") || !i.pull)
                .filter(i -> !type.equals("pulls") || i.pull)
                .filter(i -> labelNames(repo, i).containsAll(wanted))
                .sorted((a, b) -> Long.compare(b.updated, a.updated))
                .toList();
        return page(request, matching.stream().map(i -> issueJson(repo, i)).toList());
    }

    private Answer getIssue(RecordedRequest request, Matcher path) {
        RepoState repo = repos.get(fullName(path));
        IssueState issue = repo == null ? null : repo.issues.get(Long.parseLong(path.group(3)));
        return issue == null ? notFound() : json(200, issueJson(repo, issue));
    }

    private Answer editIssue(RecordedRequest request, Matcher path) {
        RepoState repo = repos.get(fullName(path));
        IssueState issue = repo == null ? null : repo.issues.get(Long.parseLong(path.group(3)));
        if (issue == null) {
            return notFound();
        }
        JsonNode body = request.json();
        if (!body.isObject()) {
            return unprocessable("the body is not a JSON object");
        }
        if (body.has("assignees")) {
            issue.assignees.clear();
            body.get("assignees").forEach(a -> {
                if (!issue.assignees.contains(a.asText())) {
                    issue.assignees.add(a.asText());
                }
            });
        }
        if (body.hasNonNull("title")) {
            issue.title = body.get("title").asText();
        }
        if (body.hasNonNull("body")) {
            issue.body = body.get("body").asText();
        }
        if (body.hasNonNull("state")) {
            issue.state = body.get("state").asText();
        }
        issue.updated = ++clock;
        return json(201, issueJson(repo, issue));
    }

    private Answer listComments(RecordedRequest request, Matcher path) {
        RepoState repo = repos.get(fullName(path));
        IssueState issue = repo == null ? null : repo.issues.get(Long.parseLong(path.group(3)));
        if (issue == null) {
            return notFound();
        }
        ArrayNode list = MAPPER.createArrayNode();
        issue.comments.forEach(c -> list.add(commentJson(repo, issue, c)));
        return json(200, list);
    }

    private Answer createComment(RecordedRequest request, Matcher path) {
        RepoState repo = repos.get(fullName(path));
        IssueState issue = repo == null ? null : repo.issues.get(Long.parseLong(path.group(3)));
        if (issue == null) {
            return notFound();
        }
        JsonNode body = request.json();
        if (!body.path("body").isTextual() || body.path("body").asText().isEmpty()) {
            return unprocessable("[Body]: Required");
        }
        FakeComment comment =
                new FakeComment(++nextId, botLogin, body.get("body").asText());
        issue.comments.add(comment);
        issue.updated = ++clock;
        return json(201, commentJson(repo, issue, comment));
    }

    private Answer addIssueLabels(RecordedRequest request, Matcher path) {
        RepoState repo = repos.get(fullName(path));
        IssueState issue = repo == null ? null : repo.issues.get(Long.parseLong(path.group(3)));
        if (issue == null) {
            return notFound();
        }
        JsonNode labels = request.json().path("labels");
        if (!labels.isArray()) {
            return unprocessable("[Labels]: Required");
        }
        for (JsonNode label : labels) {
            Optional<Long> id = label.isNumber()
                    ? Optional.of(label.asLong()).filter(repo.labels::containsKey)
                    : repo.labels.values().stream()
                            .filter(l -> l.name.equals(label.asText()))
                            .map(l -> l.id)
                            .findFirst();
            if (id.isEmpty()) {
                return unprocessable("label does not exist [id: " + label + "]");
            }
            if (!issue.labels.contains(id.get())) {
                issue.labels.add(id.get());
            }
        }
        issue.updated = ++clock;
        ArrayNode answer = MAPPER.createArrayNode();
        issue.labels.forEach(id -> answer.add(labelJson(repo, repo.labels.get(id))));
        return json(200, answer);
    }

    private Answer listLabels(RecordedRequest request, Matcher path) {
        RepoState repo = repos.get(fullName(path));
        if (repo == null) {
            return notFound();
        }
        return page(
                request,
                repo.labels.values().stream().map(l -> labelJson(repo, l)).toList());
    }

    private Answer createLabel(RecordedRequest request, Matcher path) {
        RepoState repo = repos.get(fullName(path));
        if (repo == null) {
            return notFound();
        }
        JsonNode body = request.json();
        String name = body.path("name").asText("");
        String color = body.path("color").asText("");
        if (name.isBlank()) {
            return unprocessable("[Name]: Required");
        }
        if (!color.matches("#?[0-9a-fA-F]{6}")) {
            return unprocessable("[Color]: Invalid color: '" + color + "'");
        }
        long id = ++nextId;
        Label label = new Label(id, name, color.replace("#", "").toLowerCase(Locale.ROOT));
        repo.labels.put(id, label);
        return json(201, labelJson(repo, label));
    }

    private Answer createPull(RecordedRequest request, Matcher path) {
        RepoState repo = repos.get(fullName(path));
        if (repo == null) {
            return notFound();
        }
        JsonNode body = request.json();
        String title = body.path("title").asText("");
        String head = body.path("head").asText("");
        String base = body.path("base").asText("");
        if (title.isBlank()) {
            return unprocessable("[Title]: Required");
        }
        if (title.length() > 255) {
            return unprocessable("[Title]: MaxSize");
        }
        if (head.isBlank() || base.isBlank() || head.equals(base)) {
            return unprocessable("Invalid PullRequest: There are no changes between the head and the base");
        }
        IssueState pull = new IssueState(
                ++nextId, repo.nextNumber++, true, title, body.path("body").asText(""), botLogin);
        pull.head = head;
        pull.base = base;
        pull.updated = ++clock;
        repo.issues.put(pull.number, pull);
        return json(201, pullJson(repo, pull));
    }

    private Answer pullFiles(RecordedRequest request, Matcher path) {
        RepoState repo = repos.get(fullName(path));
        IssueState pull = repo == null ? null : repo.issues.get(Long.parseLong(path.group(3)));
        if (pull == null || !pull.pull) {
            return notFound();
        }
        List<JsonNode> files = pull.files.stream()
                .map(f -> (JsonNode) MAPPER.createObjectNode()
                        .put("filename", f)
                        .put("status", "changed")
                        .put("additions", 1)
                        .put("deletions", 0)
                        .put("changes", 1)
                        .put("html_url", url() + "/" + repo.fullName + "/src/branch/" + pull.head + "/" + f))
                .toList();
        return page(request, files);
    }

    // ---- JSON shapes ---------------------------------------------------------------------------------------------

    private ObjectNode issueJson(RepoState repo, IssueState issue) {
        ObjectNode node = MAPPER.createObjectNode()
                .put("id", issue.id)
                .put("url", url() + "/api/v1/repos/" + repo.fullName + "/issues/" + issue.number)
                .put("html_url", htmlUrl(repo, issue))
                .put("number", issue.number)
                .put("title", issue.title)
                .put("body", issue.body)
                .put("state", issue.state)
                .put("comments", issue.comments.size())
                .put("created_at", timestamp(issue.id % 1000))
                .put("updated_at", timestamp(issue.updated));
        node.set("user", user(issue.user));
        ArrayNode labels = node.putArray("labels");
        issue.labels.forEach(id -> labels.add(labelJson(repo, repo.labels.get(id))));
        ArrayNode assignees = node.putArray("assignees");
        issue.assignees.forEach(a -> assignees.add(user(a)));
        node.set("assignee", issue.assignees.isEmpty() ? null : user(issue.assignees.getFirst()));
        if (issue.pull) {
            node.putObject("pull_request").put("merged", false).put("html_url", htmlUrl(repo, issue));
        } else {
            node.putNull("pull_request");
        }
        node.putObject("repository")
                .put("name", repo.fullName.split("/")[1])
                .put("owner", repo.fullName.split("/")[0])
                .put("full_name", repo.fullName);
        return node;
    }

    private ObjectNode pullJson(RepoState repo, IssueState pull) {
        ObjectNode node = MAPPER.createObjectNode()
                .put("id", pull.id)
                .put("number", pull.number)
                .put("html_url", htmlUrl(repo, pull))
                .put("title", pull.title)
                .put("body", pull.body)
                .put("state", pull.state)
                .put("merged", false);
        node.set("user", user(pull.user));
        node.putObject("head").put("ref", pull.head).put("label", pull.head);
        node.putObject("base").put("ref", pull.base).put("label", pull.base);
        return node;
    }

    private ObjectNode commentJson(RepoState repo, IssueState issue, FakeComment comment) {
        ObjectNode node = MAPPER.createObjectNode()
                .put("id", comment.id())
                .put("html_url", htmlUrl(repo, issue) + "#issuecomment-" + comment.id())
                .put("issue_url", htmlUrl(repo, issue))
                .put("body", comment.body())
                .put("created_at", timestamp(comment.id() % 1000))
                .put("updated_at", timestamp(comment.id() % 1000));
        node.set("user", user(comment.user()));
        return node;
    }

    private ObjectNode labelJson(RepoState repo, Label label) {
        return MAPPER.createObjectNode()
                .put("id", label.id)
                .put("name", label.name)
                .put("color", label.color)
                .put("description", "")
                .put("exclusive", false)
                .put("url", url() + "/api/v1/repos/" + repo.fullName + "/labels/" + label.id);
    }

    private static ObjectNode user(String login) {
        return MAPPER.createObjectNode()
                .put("id", Math.abs(login.hashCode()))
                .put("login", login)
                .put("username", login)
                .put("full_name", "");
    }

    private String htmlUrl(RepoState repo, IssueState issue) {
        return url() + "/" + repo.fullName + (issue.pull ? "/pulls/" : "/issues/") + issue.number;
    }

    private static String timestamp(long seconds) {
        return java.time.Instant.parse("2024-05-01T00:00:00Z")
                .plusSeconds(seconds)
                .toString();
    }

    // ---- plumbing --------------------------------------------------------------------------------------------------

    private java.util.function.Function<RecordedRequest, Answer> authed(
            BiFunction<RecordedRequest, Matcher, Answer> handler) {
        return request -> {
            if (!("token " + token).equals(request.header("Authorization"))) {
                return json(
                        401,
                        MAPPER.createObjectNode()
                                .put("message", "token is required")
                                .put("url", url() + "/api/swagger"));
            }
            synchronized (FakeGiteaApi.this) {
                return handler.apply(request, numbered(request.path()));
            }
        };
    }

    /** Groups: 1 owner, 2 repo, 3 the issue or pull number when the path has one. */
    private static Matcher numbered(String path) {
        Matcher m = Pattern.compile(REPO + "/(?:issues|pulls)/(\\d+)(?:/.*)?").matcher(path);
        if (m.matches()) {
            return m;
        }
        m = Pattern.compile(REPO + "(?:/.*)?").matcher(path);
        m.matches();
        return m;
    }

    private Answer page(RecordedRequest request, List<? extends JsonNode> items) {
        Map<String, String> query = query(request);
        int limit = Math.min(maxPageSize, Math.max(1, parse(query.get("limit"), maxPageSize)));
        int page = Math.max(1, parse(query.get("page"), 1));
        ArrayNode list = MAPPER.createArrayNode();
        items.stream().skip((long) (page - 1) * limit).limit(limit).forEach(list::add);
        return json(200, list).withHeader("X-Total-Count", String.valueOf(items.size()));
    }

    private static int parse(String text, int otherwise) {
        try {
            return text == null ? otherwise : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static Map<String, String> query(RecordedRequest request) {
        Map<String, String> query = new HashMap<>();
        if (request.query().isEmpty()) {
            return query;
        }
        for (String pair : request.query().split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            query.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return query;
    }

    private Set<String> labelNames(RepoState repo, IssueState issue) {
        Set<String> names = new LinkedHashSet<>();
        issue.labels.forEach(id -> names.add(repo.labels.get(id).name));
        return names;
    }

    private long labelId(RepoState repo, String name) {
        return repo.labels.values().stream()
                .filter(l -> l.name.equals(name))
                .map(l -> l.id)
                .findFirst()
                .orElseGet(() -> {
                    long id = ++nextId;
                    repo.labels.put(id, new Label(id, name, "ededed"));
                    return id;
                });
    }

    private static String fullName(Matcher path) {
        return path.group(1) + "/" + path.group(2);
    }

    private RepoState repo(String fullName) {
        RepoState repo = repos.get(fullName);
        if (repo == null) {
            throw new IllegalArgumentException("the fake Gitea has no repository " + fullName + ": createRepo first");
        }
        return repo;
    }

    private IssueState issueState(String repo, long number) {
        IssueState issue = repo(repo).issues.get(number);
        if (issue == null) {
            throw new IllegalArgumentException("the fake Gitea has no issue #" + number + " in " + repo);
        }
        return issue;
    }

    private Answer notFound() {
        return json(
                404,
                MAPPER.createObjectNode()
                        .putNull("errors")
                        .put("message", "The target couldn't be found.")
                        .put("url", url() + "/api/swagger"));
    }

    private Answer unprocessable(String message) {
        return json(422, MAPPER.createObjectNode().put("message", message).put("url", url() + "/api/swagger"));
    }

    private static Answer json(int status, JsonNode body) {
        return Answer.json(status, body.toString());
    }
}

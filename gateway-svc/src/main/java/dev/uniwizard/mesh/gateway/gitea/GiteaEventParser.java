package dev.uniwizard.mesh.gateway.gitea;

import com.fasterxml.jackson.databind.JsonNode;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.gitea.GiteaEventPayload;
import dev.uniwizard.mesh.gitea.GiteaApiException;
import dev.uniwizard.mesh.gitea.GiteaRepo;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Reads a Gitea webhook body (the {@code api.IssuePayload}, {@code IssueCommentPayload}, {@code PullRequestPayload} and
 * {@code PushPayload} shapes of Gitea's {@code modules/structs/hook.go}) into the {@link GiteaEventPayload} the mesh
 * passes on. Long texts are cut to {@code maxTextLength} and long path lists to {@value #MAX_PATHS}, with a warning,
 * so that a webhook always fits in one envelope.
 */
public final class GiteaEventParser {

    private static final Logger LOG = Logger.getLogger(GiteaEventParser.class);

    /** The most paths a push event carries on. */
    static final int MAX_PATHS = 2000;

    private final int maxTextLength;

    /** @param maxTextLength the longest title or body passed on, in characters */
    public GiteaEventParser(int maxTextLength) {
        this.maxTextLength = maxTextLength;
    }

    /**
     * Reads the body as JSON.
     *
     * @throws GiteaPayloadException when it is not a JSON object
     */
    public JsonNode json(String event, byte[] body) throws GiteaPayloadException {
        JsonNode root;
        try {
            root = EnvelopeCodec.mapper().readTree(body);
        } catch (IOException e) {
            throw new GiteaPayloadException("the " + event + " webhook body is not valid JSON: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            throw new GiteaPayloadException("the " + event + " webhook body is not a JSON object");
        }
        return root;
    }

    /** Whether an issue_comment webhook is about one of the mesh's own reply comments (its hidden marker). */
    public static boolean isMeshReply(JsonNode root) {
        String body = text(root.path("comment"), "body");
        return body != null && body.contains(GiteaDelivery.MARKER_PREFIX);
    }

    /** {@link #json} then {@link #parse(String, String, JsonNode, Instant)}. */
    public GiteaEventPayload parse(String event, String delivery, byte[] body, Instant receivedAt)
            throws GiteaPayloadException {
        return parse(event, delivery, json(event, body), receivedAt);
    }

    /**
     * @param event the {@code X-Gitea-Event} header, one of {@link GiteaEventPayload#SUPPORTED}
     * @param delivery the {@code X-Gitea-Delivery} header
     * @throws GiteaPayloadException when the body lacks what the event must have; says what
     */
    public GiteaEventPayload parse(String event, String delivery, JsonNode root, Instant receivedAt)
            throws GiteaPayloadException {
        String repository = repository(root, event);
        String sender = text(root.path("sender"), "login");
        if (sender == null) {
            sender = text(root.path("pusher"), "login");
        }
        if (sender == null) {
            throw new GiteaPayloadException("the " + event + " webhook has no sender.login");
        }
        String action = text(root, "action");
        return switch (event) {
            case GiteaEventPayload.ISSUES -> {
                JsonNode issue = object(root, "issue", event);
                yield item(event, action, delivery, repository, sender, receivedAt, root, issue)
                        .body(cut(text(issue, "body"), "body", delivery), text(issue, "html_url"), null);
            }
            case GiteaEventPayload.ISSUE_COMMENT -> {
                JsonNode issue = object(root, "issue", event);
                JsonNode comment = object(root, "comment", event);
                String url = text(comment, "html_url") != null ? text(comment, "html_url") : text(issue, "html_url");
                yield item(event, action, delivery, repository, sender, receivedAt, root, issue)
                        .body(cut(text(comment, "body"), "comment body", delivery), url, null);
            }
            case GiteaEventPayload.PULL_REQUEST -> {
                JsonNode pull = object(root, "pull_request", event);
                yield item(event, action, delivery, repository, sender, receivedAt, root, pull)
                        .body(
                                cut(text(pull, "body"), "body", delivery),
                                text(pull, "html_url"),
                                text(pull.path("head"), "ref"));
            }
            case GiteaEventPayload.PUSH -> push(root, delivery, repository, sender, receivedAt);
            default -> throw new GiteaPayloadException("the gateway does not read " + event + " webhooks");
        };
    }

    /**
     * What the issue, comment and pull request events share: the number, title and labels come from {@code item} (the
     * issue or pull request); {@link Item#body} adds what differs.
     */
    private Item item(
            String event,
            String action,
            String delivery,
            String repository,
            String sender,
            Instant receivedAt,
            JsonNode root,
            JsonNode item)
            throws GiteaPayloadException {
        return new Item(
                event,
                action,
                delivery,
                repository,
                number(root, item, event),
                cut(text(item, "title"), "title", delivery),
                labels(item),
                sender,
                receivedAt);
    }

    private record Item(
            String event,
            String action,
            String delivery,
            String repository,
            Long number,
            String title,
            List<String> labels,
            String sender,
            Instant receivedAt) {

        GiteaEventPayload body(String body, String url, String ref) {
            return new GiteaEventPayload(
                    event,
                    action,
                    delivery,
                    repository,
                    number,
                    title,
                    body,
                    labels,
                    List.of(),
                    sender,
                    url,
                    ref,
                    receivedAt);
        }
    }

    private GiteaEventPayload push(JsonNode root, String delivery, String repository, String sender, Instant receivedAt)
            throws GiteaPayloadException {
        String ref = text(root, "ref");
        if (ref == null) {
            throw new GiteaPayloadException("the push webhook has no ref");
        }
        Set<String> paths = new LinkedHashSet<>();
        for (JsonNode commit : root.path("commits")) {
            for (String kind : List.of("added", "modified", "removed")) {
                commit.path(kind).forEach(path -> {
                    if (path.isTextual() && !path.asText().isBlank()) {
                        paths.add(path.asText());
                    }
                });
            }
        }
        List<String> kept = new ArrayList<>(paths);
        if (kept.size() > MAX_PATHS) {
            LOG.warnf(
                    "Gitea push %s on %s touched %d files; passing on the first %d",
                    delivery, repository, kept.size(), MAX_PATHS);
            kept = kept.subList(0, MAX_PATHS);
        }
        String message = text(root.path("head_commit"), "message");
        String firstLine =
                message == null ? null : message.strip().lines().findFirst().orElse("");
        return new GiteaEventPayload(
                GiteaEventPayload.PUSH,
                null,
                delivery,
                repository,
                null,
                cut(firstLine, "title", delivery),
                cut(message, "commit message", delivery),
                List.of(),
                kept,
                sender,
                text(root, "compare_url"),
                ref,
                receivedAt);
    }

    private static String repository(JsonNode root, String event) throws GiteaPayloadException {
        String fullName = text(root.path("repository"), "full_name");
        if (fullName == null) {
            throw new GiteaPayloadException("the " + event + " webhook has no repository.full_name");
        }
        try {
            return GiteaRepo.parse(fullName).toString();
        } catch (GiteaApiException e) {
            throw new GiteaPayloadException("the " + event + " webhook's repository.full_name: " + e.getMessage());
        }
    }

    private static JsonNode object(JsonNode root, String field, String event) throws GiteaPayloadException {
        JsonNode node = root.path(field);
        if (!node.isObject()) {
            throw new GiteaPayloadException("the " + event + " webhook has no " + field + " object");
        }
        return node;
    }

    /** The top-level {@code number}, else the issue's or pull request's own. */
    private static Long number(JsonNode root, JsonNode item, String event) throws GiteaPayloadException {
        for (JsonNode node : List.of(root.path("number"), item.path("number"))) {
            if (node.canConvertToLong() && node.asLong() > 0) {
                return node.asLong();
            }
        }
        throw new GiteaPayloadException("the " + event + " webhook has no issue or pull request number");
    }

    private static List<String> labels(JsonNode item) {
        List<String> labels = new ArrayList<>();
        item.path("labels").forEach(label -> {
            String name = text(label, "name");
            if (name != null) {
                labels.add(name);
            }
        });
        return labels;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() && !value.asText().isEmpty() ? value.asText() : null;
    }

    private String cut(String text, String what, String delivery) {
        if (text == null || text.length() <= maxTextLength) {
            return text;
        }
        LOG.warnf(
                "Gitea delivery %s: the %s has %d characters; passing on the first %d",
                delivery, what, text.length(), maxTextLength);
        return text.substring(0, maxTextLength) + "\n[cut by the gateway at " + maxTextLength + " characters]";
    }
}

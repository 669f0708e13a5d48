package dev.uniwizard.mesh.core.gitea;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * Payload of a {@code webhook} envelope on {@code <root>.in.gitea}: one verified Gitea webhook delivery, reduced to what
 * triage and the houses need. The gateway fills it from the {@code X-Gitea-*} headers and the JSON body.
 *
 * @param event the {@code X-Gitea-Event} header: {@link #ISSUES}, {@link #ISSUE_COMMENT}, {@link #PULL_REQUEST} or
 *     {@link #PUSH}
 * @param action the body's {@code action} ({@code opened}, {@code edited}, {@code created}, {@code synchronized}...);
 *     absent for push
 * @param delivery the {@code X-Gitea-Delivery} id
 * @param repository the repository as {@code owner/name}
 * @param number the issue or pull request number; absent for push
 * @param title the issue or pull request title; for push, the head commit's first line
 * @param body the issue or pull request body, or for issue_comment the comment's body
 * @param labels the labels the issue or pull request already has
 * @param paths files touched: for push, the commits' added, modified and removed files; for pull requests, filled by
 *     the router from the Gitea API when its rules need them
 * @param sender the login of who caused the event
 * @param url the web page of the issue, pull request, comment or compare view
 * @param ref the git ref, for push and pull requests (the head branch)
 * @param receivedAt when the gateway received the webhook; triage latency is measured from it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GiteaEventPayload(
        String event,
        String action,
        String delivery,
        String repository,
        Long number,
        String title,
        String body,
        List<String> labels,
        List<String> paths,
        String sender,
        String url,
        String ref,
        Instant receivedAt) {

    public static final String ISSUES = "issues";
    public static final String ISSUE_COMMENT = "issue_comment";
    public static final String PULL_REQUEST = "pull_request";
    public static final String PUSH = "push";

    /** The events the gateway accepts; others are answered 202 with a note and not published. */
    public static final List<String> SUPPORTED = List.of(ISSUES, ISSUE_COMMENT, PULL_REQUEST, PUSH);

    public GiteaEventPayload {
        labels = labels == null ? List.of() : List.copyOf(labels);
        paths = paths == null ? List.of() : List.copyOf(paths);
    }

    /** A copy with {@code paths} filled in. */
    public GiteaEventPayload withPaths(List<String> newPaths) {
        return new GiteaEventPayload(
                event,
                action,
                delivery,
                repository,
                number,
                title,
                body,
                labels,
                newPaths,
                sender,
                url,
                ref,
                receivedAt);
    }

    /** A one-line description, e.g. {@code issues opened on acme/app#12: "Docs are stale"}. */
    public String summary() {
        StringBuilder line = new StringBuilder(event);
        if (action != null) {
            line.append(' ').append(action);
        }
        line.append(" on ").append(repository);
        if (number != null) {
            line.append('#').append(number);
        }
        if (title != null && !title.isBlank()) {
            line.append(": \"").append(title.strip()).append('"');
        }
        return line.toString();
    }
}

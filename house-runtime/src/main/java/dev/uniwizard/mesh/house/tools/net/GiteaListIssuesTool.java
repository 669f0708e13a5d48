package dev.uniwizard.mesh.house.tools.net;

import dev.uniwizard.mesh.gitea.GiteaApi;
import dev.uniwizard.mesh.gitea.GiteaRepo;
import dev.uniwizard.mesh.house.tools.ParamType;
import dev.uniwizard.mesh.house.tools.ToolCall;
import dev.uniwizard.mesh.house.tools.ToolParameter;
import dev.uniwizard.mesh.house.tools.ToolResult;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Lists the issues (not pull requests) of a Gitea repository, one line each. */
@Singleton
public class GiteaListIssuesTool extends GiteaTool {

    public static final String NAME = "gitea_list_issues";
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 50;
    private static final Set<String> STATES = Set.of("open", "closed", "all");

    @Inject
    public GiteaListIssuesTool(GiteaClient gitea) {
        super(gitea);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Lists issues of a Gitea repository as '#number title [labels] (author, last updated)';"
                + " filter by state (open, closed, all) and labels.";
    }

    @Override
    public List<ToolParameter> parameters() {
        return List.of(
                REPO_PARAMETER,
                ToolParameter.optional("state", "open, closed or all; default open"),
                ToolParameter.optional(
                        "limit",
                        ParamType.INTEGER,
                        "how many issues to list; default " + DEFAULT_LIMIT + ", at most " + MAX_LIMIT),
                ToolParameter.optional("labels", "comma-separated label names; only issues with all of them"));
    }

    @Override
    public boolean readOnly() {
        return true;
    }

    @Override
    public ToolResult execute(ToolCall call) {
        String state = call.argument("state")
                .map(s -> s.strip().toLowerCase(Locale.ROOT))
                .orElse("open");
        if (!STATES.contains(state)) {
            return ToolResult.failure(
                    NAME + ": state must be open, closed or all, got '" + call.required("state") + "'");
        }
        long limit = call.integer("limit", DEFAULT_LIMIT);
        if (limit < 1 || limit > MAX_LIMIT) {
            return ToolResult.failure(
                    NAME + ": limit must be between 1 and " + MAX_LIMIT + ", got " + call.required("limit"));
        }
        Optional<String> labels = call.argument("labels")
                .map(l -> String.join(
                        ",",
                        List.of(l.split(",")).stream()
                                .map(String::strip)
                                .filter(s -> !s.isEmpty())
                                .toList()))
                .filter(l -> !l.isEmpty());
        try {
            GiteaRepo repo = gitea.repository(call.argument(REPO));
            List<GiteaApi.Issue> issues = gitea.listIssues(repo, state, (int) limit, labels);
            String which = (state.equals("all") ? "" : state + " ") + "issues in " + repo
                    + labels.map(l -> " with labels " + l).orElse("");
            if (issues.isEmpty()) {
                return ToolResult.ok("no " + which);
            }
            List<String> lines = new ArrayList<>();
            lines.add(issues.size() + " " + which + (issues.size() == limit ? " (limit reached)" : "") + ":");
            issues.forEach(issue -> lines.add(line(issue)));
            return ToolResult.ok(String.join("\n", lines));
        } catch (GiteaException e) {
            return ToolResult.failure(NAME + ": " + e.getMessage());
        }
    }

    private static String line(GiteaApi.Issue issue) {
        String labels = issue.labels().isEmpty() ? "" : " [" + String.join(", ", issue.labels()) + "]";
        String closed = issue.state().equals("closed") ? " (closed)" : "";
        return "#" + issue.number() + " " + issue.title() + labels + closed + " (" + issue.user() + ", "
                + issue.updatedAt() + ")";
    }
}

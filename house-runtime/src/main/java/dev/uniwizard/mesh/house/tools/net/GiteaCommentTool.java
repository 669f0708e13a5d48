package dev.uniwizard.mesh.house.tools.net;

import dev.uniwizard.mesh.gitea.GiteaApi;
import dev.uniwizard.mesh.gitea.GiteaRepo;
import dev.uniwizard.mesh.house.tools.ParamType;
import dev.uniwizard.mesh.house.tools.ToolCall;
import dev.uniwizard.mesh.house.tools.ToolParameter;
import dev.uniwizard.mesh.house.tools.ToolResult;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;

/** Posts a comment on an issue or pull request of a Gitea repository as the house's Gitea user. */
@Singleton
public class GiteaCommentTool extends GiteaTool {

    public static final String NAME = "gitea_comment";

    @Inject
    public GiteaCommentTool(GiteaClient gitea) {
        super(gitea);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Posts a comment (Markdown) on an issue or pull request of a Gitea repository and returns the"
                + " comment's URL.";
    }

    @Override
    public List<ToolParameter> parameters() {
        return List.of(
                REPO_PARAMETER,
                ToolParameter.required("issue", ParamType.INTEGER, "the issue or pull request number"),
                ToolParameter.required("body", "the comment text, Markdown"));
    }

    @Override
    public boolean readOnly() {
        return false;
    }

    @Override
    public ToolResult execute(ToolCall call) {
        long issue = call.integer("issue", 0);
        if (issue < 1) {
            return ToolResult.failure(NAME + ": issue must be a positive issue number, got " + call.required("issue"));
        }
        String body = call.required("body");
        if (body.isBlank()) {
            return ToolResult.failure(NAME + ": the comment body is empty");
        }
        try {
            GiteaRepo repo = gitea.repository(call.argument(REPO));
            GiteaApi.Created comment = gitea.comment(repo, issue, body);
            return ToolResult.ok("commented on " + repo + "#" + issue + ": " + comment.htmlUrl());
        } catch (GiteaException e) {
            return ToolResult.failure(NAME + ": " + e.getMessage());
        }
    }
}

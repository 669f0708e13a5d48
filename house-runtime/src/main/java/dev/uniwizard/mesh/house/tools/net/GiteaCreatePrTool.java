package dev.uniwizard.mesh.house.tools.net;

import dev.uniwizard.mesh.gitea.GiteaApi;
import dev.uniwizard.mesh.gitea.GiteaRepo;
import dev.uniwizard.mesh.house.tools.ToolCall;
import dev.uniwizard.mesh.house.tools.ToolParameter;
import dev.uniwizard.mesh.house.tools.ToolResult;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;

/** Opens a pull request in a Gitea repository from a pushed branch. */
@Singleton
public class GiteaCreatePrTool extends GiteaTool {

    public static final String NAME = "gitea_create_pr";
    static final String DEFAULT_BASE = "main";

    @Inject
    public GiteaCreatePrTool(GiteaClient gitea) {
        super(gitea);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Opens a pull request in a Gitea repository to merge branch head into base; returns its number and"
                + " URL.";
    }

    @Override
    public List<ToolParameter> parameters() {
        return List.of(
                REPO_PARAMETER,
                ToolParameter.required("title", "the pull request's title"),
                ToolParameter.required("head", "the branch with the changes, already pushed to Gitea"),
                ToolParameter.optional("base", "the branch to merge into; default " + DEFAULT_BASE),
                ToolParameter.optional("body", "the description, Markdown"));
    }

    @Override
    public boolean readOnly() {
        return false;
    }

    @Override
    public ToolResult execute(ToolCall call) {
        String title = call.required("title").strip();
        String head = call.required("head").strip();
        String base = call.argument("base").map(String::strip).orElse(DEFAULT_BASE);
        if (title.isEmpty()) {
            return ToolResult.failure(NAME + ": the title is empty");
        }
        if (head.isEmpty() || base.isEmpty()) {
            return ToolResult.failure(NAME + ": head and base must name branches");
        }
        if (head.equals(base)) {
            return ToolResult.failure(
                    NAME + ": head and base are both '" + head + "'; a pull request needs two" + " different branches");
        }
        try {
            GiteaRepo repo = gitea.repository(call.argument(REPO));
            GiteaApi.Created pull = gitea.createPull(
                    repo, title, head, base, call.argument("body").orElse(""));
            return ToolResult.ok("opened pull request #" + pull.id() + " in " + repo + " (" + head + " -> " + base
                    + "): " + pull.htmlUrl());
        } catch (GiteaException e) {
            return ToolResult.failure(NAME + ": " + e.getMessage());
        }
    }
}

package dev.uniwizard.mesh.house.tools.net;

import dev.uniwizard.mesh.house.tools.Tool;
import dev.uniwizard.mesh.house.tools.ToolCall;
import dev.uniwizard.mesh.house.tools.ToolParameter;
import java.time.Duration;
import java.util.Optional;

/**
 * What the gitea_* tools share: the client, the optional {@code repo} parameter (the permission target, as
 * {@code owner/name}) and a timeout a little above the client's.
 */
abstract class GiteaTool implements Tool {

    static final String REPO = "repo";

    static final ToolParameter REPO_PARAMETER =
            ToolParameter.optional(REPO, "the Gitea repository as owner/name; default house.gitea.default-repo");

    protected final GiteaClient gitea;

    GiteaTool(GiteaClient gitea) {
        this.gitea = gitea;
    }

    @Override
    public Optional<String> target(ToolCall call) {
        return gitea.repositoryName(call.argument(REPO));
    }

    @Override
    public Duration timeout() {
        return gitea.timeout().plusSeconds(5);
    }
}

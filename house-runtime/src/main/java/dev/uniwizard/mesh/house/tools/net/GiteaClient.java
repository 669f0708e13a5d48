package dev.uniwizard.mesh.house.tools.net;

import dev.uniwizard.mesh.gitea.GiteaApi;
import dev.uniwizard.mesh.gitea.GiteaApiException;
import dev.uniwizard.mesh.gitea.GiteaRepo;
import dev.uniwizard.mesh.house.config.GiteaConfig;
import dev.uniwizard.mesh.house.config.HouseConfig;
import dev.uniwizard.mesh.house.tools.TransientToolException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The gitea_* tools' view of Gitea: {@code house.gitea.*} configuration in front of the shared {@link GiteaApi}
 * (mesh-gitea), which makes the HTTP calls. A refused token, a missing repository, a rejected request or missing
 * configuration is a {@link GiteaException}; a server error, a rate limit or a connection that fails is a
 * {@link TransientToolException}, worth retrying.
 */
@Singleton
public class GiteaClient {

    private final Optional<String> defaultRepo;
    private final Duration timeout;
    private final Optional<GiteaApi> api;
    private final String notConfigured;

    @Inject
    public GiteaClient(HouseConfig config) {
        this(config.gitea());
    }

    public GiteaClient(GiteaConfig config) {
        Optional<String> baseUrl = config.baseUrl().map(String::strip).filter(url -> !url.isEmpty());
        Optional<String> token = config.token().map(String::strip).filter(t -> !t.isEmpty());
        this.defaultRepo = config.defaultRepo().map(String::strip).filter(r -> !r.isEmpty());
        this.timeout = config.timeout();
        GiteaApi built = null;
        String problem = "";
        if (baseUrl.isEmpty()) {
            problem = "Gitea is not configured: set house.gitea.base-url (e.g. https://gitea.example.org)";
        } else if (token.isEmpty()) {
            problem = "Gitea is not configured: set house.gitea.token (best as the environment"
                    + " variable HOUSE_GITEA_TOKEN) to an access token of the house's Gitea user";
        } else {
            try {
                built = new GiteaApi(baseUrl.get(), token.get(), timeout);
            } catch (IllegalArgumentException e) {
                problem = "house.gitea.base-url or house.gitea.timeout is wrong: " + e.getMessage();
            }
        }
        this.api = Optional.ofNullable(built);
        this.notConfigured = problem;
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
        return call(() -> GiteaRepo.parse(name.get()));
    }

    /** {@code GET /repos/{owner}/{repo}/issues?state=&type=issues&limit=} (pull requests left out). */
    public List<GiteaApi.Issue> listIssues(GiteaRepo repo, String state, int limit, Optional<String> labels)
            throws GiteaException {
        GiteaApi gitea = api();
        return call(() -> gitea.listIssues(repo, state, limit, labels));
    }

    /** {@code POST /repos/{owner}/{repo}/issues/{index}/comments} with {@code {"body"}}. */
    public GiteaApi.Created comment(GiteaRepo repo, long issue, String body) throws GiteaException {
        GiteaApi gitea = api();
        return call(() -> gitea.comment(repo, issue, body));
    }

    /** {@code POST /repos/{owner}/{repo}/pulls} with {@code {"title","body","head","base"}}. */
    public GiteaApi.Created createPull(GiteaRepo repo, String title, String head, String base, String body)
            throws GiteaException {
        GiteaApi gitea = api();
        return call(() -> gitea.createPull(repo, title, head, base, body));
    }

    private GiteaApi api() throws GiteaException {
        if (api.isEmpty()) {
            throw new GiteaException(notConfigured);
        }
        return api.get();
    }

    private interface ApiCall<T> {
        T run() throws GiteaApiException;
    }

    /** Runs a call, sorting its failure into worth retrying (transient) or said to the model at once. */
    private static <T> T call(ApiCall<T> call) throws GiteaException {
        try {
            return call.run();
        } catch (GiteaApiException e) {
            if (e.isTransient()) {
                throw new TransientToolException(e.getMessage(), e);
            }
            if (e.status() == 401 || e.status() == 403) {
                throw new GiteaException(e.getMessage() + " (the token is house.gitea.token)");
            }
            throw new GiteaException(e.getMessage());
        }
    }
}

package dev.uniwizard.mesh.router.gitea;

import dev.uniwizard.mesh.gitea.GiteaApi;
import dev.uniwizard.mesh.router.config.RouterConfig;
import dev.uniwizard.mesh.router.routing.HouseSelector;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The router's Gitea client ({@code router.gitea.base-url} and {@code token}), if configured, and the houses' Gitea
 * logins ({@code router.gitea.users.<house>}). Half a configuration (a URL without a token, or the reverse) stops the
 * router at startup with a message saying what is missing; none at all means triage routes without touching Gitea.
 */
@Singleton
public class GiteaAccess {

    private static final Logger LOG = Logger.getLogger(GiteaAccess.class);

    private final Optional<GiteaApi> api;
    private final Map<String, String> users = new HashMap<>();

    public GiteaAccess(RouterConfig config, HouseSelector selector) {
        RouterConfig.Gitea gitea = config.gitea();
        Optional<String> url = gitea.baseUrl().filter(u -> !u.isBlank());
        Optional<String> token = gitea.token().filter(t -> !t.isBlank());
        if (url.isPresent() != token.isPresent()) {
            throw new IllegalArgumentException(
                    url.isPresent()
                            ? "router.gitea.base-url is set but router.gitea.token (env ROUTER_GITEA_TOKEN) is not: give the"
                                    + " router's Gitea access token, or unset the URL"
                            : "router.gitea.token is set but router.gitea.base-url is not: give the Gitea server's URL");
        }
        try {
            this.api = url.map(u -> new GiteaApi(u, token.get(), gitea.timeout()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("router.gitea: " + e.getMessage(), e);
        }
        gitea.users().forEach((house, login) -> {
            String name = house.strip().toLowerCase(Locale.ROOT);
            if (!selector.isHouse(name)) {
                throw new IllegalArgumentException("router.gitea.users." + house + ": '" + house
                        + "' is not one of router.houses " + selector.houses());
            }
            if (!login.isBlank()) {
                users.put(name, login.strip());
            }
        });
        if (api.isEmpty()) {
            LOG.info("router.gitea is not configured: Gitea events are triaged and routed, but no labels,"
                    + " assignments or comments are made");
        }
    }

    public Optional<GiteaApi> api() {
        return api;
    }

    /** The Gitea login of {@code house}, if configured. */
    public Optional<String> userOf(String house) {
        return Optional.ofNullable(users.get(house));
    }

    /** Whether {@code login} is one of the houses' Gitea users (case-insensitive, like Gitea logins). */
    public boolean isHouseUser(String login) {
        return login != null && users.values().stream().anyMatch(u -> u.equalsIgnoreCase(login.strip()));
    }

    /** The houses' Gitea logins. */
    public Set<String> houseUsers() {
        return Set.copyOf(users.values());
    }
}

package dev.uniwizard.mesh.house.config;

import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** {@code house.gitea.*}: the Gitea server (REST API v1) of the gitea_* tools. */
public interface GiteaConfig {

    /** e.g. {@code https://gitea.example.org}; the gitea_* tools say they are not configured without it. */
    Optional<String> baseUrl();

    /** The access token, sent as {@code Authorization: token <token>}; best given as env HOUSE_GITEA_TOKEN. */
    Optional<String> token();

    /** Repository used when a call names none, as {@code owner/name}. */
    Optional<String> defaultRepo();

    @WithDefault("15s")
    Duration timeout();
}

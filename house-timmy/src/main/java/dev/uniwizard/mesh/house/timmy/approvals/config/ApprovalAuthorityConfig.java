package dev.uniwizard.mesh.house.timmy.approvals.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Timmy as the approval authority, under {@code timmy.approvals.*}. */
@ConfigMapping(prefix = "timmy.approvals")
public interface ApprovalAuthorityConfig {

    /**
     * Permission rules ({@code system_info}, {@code file_read(docs/**)}) whose calls are approved without the operator,
     * matched against the tool and its {@code path}, {@code repo} or {@code url} argument. Empty by default.
     */
    Optional<List<String>> autoApprove();

    /** Rules whose calls are denied without the operator; deny wins over approve. Empty by default. */
    Optional<List<String>> autoDeny();

    /** How often pending requests past their expiry are marked expired. */
    @WithDefault("5s")
    Duration sweepInterval();

    /** The furthest in the future a request may expire; requests asking for more are refused. */
    @WithDefault("24h")
    Duration maxLifetime();

    /** NATS requests worked on at the same time; further requests wait in NATS' pending buffer. */
    @WithDefault("16")
    int maxInFlight();
}

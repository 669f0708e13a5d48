package dev.uniwizard.mesh.house.config;

import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** {@code house.approvals.*}: asking the approval authority (Timmy) and waiting for its decision. */
public interface ApprovalsConfig {

    /** How long a request stays open; an undecided one then expires and the call does not run. */
    @WithDefault("10m")
    Duration timeout();

    /** How often the house asks for the state of a request it waits on (decisions also arrive as events). */
    @WithDefault("2s")
    Duration pollInterval();

    /** Nodes whose decisions count (they must also be in the trust store); others are refused and logged. */
    @WithDefault("timmy-1")
    List<String> authorityNodes();
}

package dev.uniwizard.mesh.observatory.houses;

import java.time.Instant;

/**
 * One house's login, version and approval state, judged from the latest heartbeats of its instances.
 *
 * @param login {@code logged_in}, {@code needs_login}, {@code unknown} or {@code not_required}; null when no instance
 *     reported house facts
 * @param loginDetail the house's sentence about its last login check, or null
 * @param loginInstance the instance whose login state this is, or null
 * @param version the running version that decides {@code upToDate}: an outdated instance's, else the latest one's
 * @param versionInstance the instance running it
 * @param expectedVersion the version houses should run
 * @param upToDate whether {@code version} is the expected one
 * @param pendingApprovals approval requests waiting, when the house reports them (the approval authority), else null
 * @param current false when every instance stopped sending heartbeats: the state is the last one known
 * @param lastSeen when the newest heartbeat considered arrived
 */
public record HouseView(
        String house,
        String login,
        String loginDetail,
        String loginInstance,
        String version,
        String versionInstance,
        String expectedVersion,
        boolean upToDate,
        Integer pendingApprovals,
        boolean current,
        Instant lastSeen) {}

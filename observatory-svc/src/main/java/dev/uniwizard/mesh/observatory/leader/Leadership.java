package dev.uniwizard.mesh.observatory.leader;

/**
 * Whether this observatory node leads: only the leader evaluates checks, sends alerts and the digest, so several
 * observatory replicas never notify twice. Every node tracks heartbeats and answers the API.
 */
public interface Leadership {

    /** True while this node holds the leadership lease. */
    boolean isLeader();
}

package dev.uniwizard.mesh.core.observatory;

/** The kinds of {@link CheckResult}; the {@code kind} part of a check id. */
public final class CheckKinds {

    /** A service has at least one fresh UP instance (critical when none): the basis of uptime SLOs. */
    public static final String SERVICE = "service";

    /** One instance's heartbeat: ok when fresh and UP, critical when DOWN or stopped (missed N intervals). */
    public static final String INSTANCE = "instance";

    public static final String CPU = "cpu";
    public static final String MEMORY = "memory";
    public static final String DISK = "disk";

    /** The NATS server's monitoring endpoint ({@code /healthz}, {@code /varz}, {@code /jsz}). */
    public static final String NATS = "nats";

    /** JetStream storage use against its reservation (from {@code /jsz}). */
    public static final String JETSTREAM = "jetstream";

    public static final String POSTGRES = "postgres";

    /** A configured HTTP probe, with its latency. */
    public static final String PROBE = "probe";

    /** A house's inbox depth: tasks waiting or unacknowledged on its JetStream consumer. */
    public static final String INBOX = "inbox";

    /** Approval requests waiting for a decision. */
    public static final String APPROVALS = "approvals";

    /** A house's model credentials (critical when it needs a login). */
    public static final String LOGIN = "login";

    /** A house runs the expected version (warn when it needs an update). */
    public static final String VERSION = "version";

    private CheckKinds() {}
}

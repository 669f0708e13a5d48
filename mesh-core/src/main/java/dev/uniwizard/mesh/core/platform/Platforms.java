package dev.uniwizard.mesh.core.platform;

/**
 * The platform names of the mesh: the last token of {@code <root>.in.<platform>} and {@code <root>.out.<platform>},
 * and {@link dev.uniwizard.mesh.core.envelope.Sender#platform()}.
 */
public final class Platforms {

    /** The gateway's own JSON API ({@code POST /api/v1/messages}); replies are awaited by the HTTP request. */
    public static final String HTTP = "http";

    /** The OpenAI-compatible API ({@code POST /v1/chat/completions}); replies are awaited by the HTTP request. */
    public static final String OPENAI = "openai";

    public static final String TELEGRAM = "telegram";
    public static final String SLACK = "slack";
    public static final String DISCORD = "discord";

    /** Gitea webhooks in; replies are posted as issue comments. */
    public static final String GITEA = "gitea";

    /**
     * Answers to scheduled jobs that deliver nowhere: the scheduler reads them from {@code <root>.out.scheduler} to
     * record the run's outcome.
     */
    public static final String SCHEDULER = "scheduler";

    /** Messages houses send each other. */
    public static final String MESH = "mesh";

    private Platforms() {}
}

package dev.uniwizard.mesh.house.config;

import dev.uniwizard.mesh.core.memory.ProjectKeys;
import dev.uniwizard.mesh.core.subjects.Subjects;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** What a house is and how it works, under {@code house.*}. */
@ConfigMapping(prefix = "house")
public interface HouseConfig {

    /** The house's name ({@code timmy}, {@code ezra}, {@code bezalel}): its task subject and durable consumer. */
    String name();

    /** How the house introduces itself, e.g. {@code Ezra, the archivist}. */
    String title();

    @WithDefault("simple")
    HouseMode mode();

    /** How many tasks are worked on at once. */
    @WithDefault("4")
    int concurrency();

    /** How long one attempt at a task may take before JetStream delivers it again. */
    @WithDefault("2m")
    Duration taskAckWait();

    /** How many earlier messages of a conversation a model sees. */
    @WithDefault("20")
    int historyLimit();

    /** Which tools the house has. */
    ToolsConfig tools();

    /** The directories file and git tools may touch. */
    WorkspaceConfig workspace();

    /** Outbound HTTP of http_get and health_check. */
    HttpToolConfig http();

    /** The Gitea server of the gitea_* tools. */
    GiteaConfig gitea();

    /** The proof command run by run_tests. */
    ProofConfig proof();

    /** The OpenAI-compatible model of INTELLIGENT and SOVEREIGN modes. */
    ModelConfig model();

    /** How the model's credentials are checked. */
    LoginConfig login();

    /** Budgets of one model turn. */
    LoopConfig loop();

    /** Parallelism, timeouts, retries and circuit breakers around tools. */
    ExecutionConfig execution();

    /** Which tool calls are allowed, need approval, or are denied. */
    PermissionsConfig permissions();

    /** The house's own gates: read-before-write, proof-required. */
    GatesConfig gates();

    /** How approvals are asked for and awaited. */
    ApprovalsConfig approvals();

    /** Whom the house may send messages to. */
    SendConfig send();

    /** The project memory of the house's prompts and of its remember tool. */
    MemoryConfig memory();

    /** Fails start-up with a clear message when the configuration cannot work. */
    static void validate(HouseConfig config) {
        if (!Subjects.isToken(config.name())) {
            throw new IllegalStateException("house.name '" + config.name()
                    + "' is not a valid house name: use 1-64 lower-case letters, digits, '_' or '-',"
                    + " starting with a letter or digit (e.g. ezra)");
        }
        if (config.title().isBlank()) {
            throw new IllegalStateException("house.title must not be blank (e.g. 'Ezra, the archivist')");
        }
        if (config.concurrency() < 1) {
            throw new IllegalStateException("house.concurrency must be at least 1, got " + config.concurrency());
        }
        if (config.taskAckWait().isNegative() || config.taskAckWait().isZero()) {
            throw new IllegalStateException("house.task-ack-wait must be positive, got " + config.taskAckWait());
        }
        if (!positive(config.login().checkInterval())
                || !positive(config.login().timeout())) {
            throw new IllegalStateException("house.login.check-interval and house.login.timeout must be positive, got "
                    + config.login().checkInterval() + " and " + config.login().timeout());
        }
        String project = config.memory().project();
        if (!ProjectKeys.isValid(project)) {
            throw new IllegalStateException("house.memory.project '" + project + "' is not a project key: use"
                    + " 1-200 letters, digits, '.', '_', '/' or '-', starting with a letter or digit (e.g. mesh or"
                    + " org/repo)");
        }
        if (config.memory().markers() < 0 || config.memory().markers() > MemoryConfig.MAX_MARKERS) {
            throw new IllegalStateException("house.memory.markers must be between 0 (no markers in prompts) and "
                    + MemoryConfig.MAX_MARKERS + ", got " + config.memory().markers());
        }
    }

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }
}

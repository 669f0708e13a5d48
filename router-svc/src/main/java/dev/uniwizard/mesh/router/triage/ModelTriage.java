package dev.uniwizard.mesh.router.triage;

import dev.uniwizard.mesh.core.gitea.GiteaEventPayload;
import dev.uniwizard.mesh.router.config.RouterConfig;
import dev.uniwizard.mesh.router.routing.HouseSelector;
import dev.uniwizard.mesh.router.routing.HouseTitles;
import dev.uniwizard.mesh.service.model.ChatCompletionException;
import dev.uniwizard.mesh.service.model.ChatCompletions;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Asks an OpenAI-compatible model ({@code router.triage.model.*}) which house should take a Gitea event. The system
 * prompt lists the houses with their roles and the labels the rules know; the answer must be
 * {@code {"house","labels","reason"}} (see {@link ModelAnswer}). Any failure (unreachable, timeout, HTTP error, an
 * answer that is not such an object) is logged and counted in {@code mesh.router.triage.model{outcome}}, and the
 * caller uses the rules' answer instead; a usable answer counts as {@code outcome=chosen}.
 */
@Singleton
public class ModelTriage {

    private static final Logger LOG = Logger.getLogger(ModelTriage.class);

    /** What each house is for, as the model is told. */
    static final Map<String, String> ROLES = Map.of(
            "timmy", "sovereign judgment and final approval: decisions, priorities, anything risky or unclear",
            "ezra", "archivist: analysis, research, documentation, answering questions",
            "bezalel", "artificer: implementation, bug fixes, tests, builds");

    static final int MAX_BODY_CHARS = 4_000;
    static final int MAX_PATHS = 50;

    private final ChatCompletions completions;
    private final RouterConfig.Model model;
    private final HouseSelector selector;
    private final HouseTitles titles;
    private final TriageRules rules;
    private final MeterRegistry registry;

    @Inject
    public ModelTriage(
            ChatCompletions completions,
            RouterConfig config,
            HouseSelector selector,
            HouseTitles titles,
            TriageRules rules,
            MeterRegistry registry) {
        this(completions, config.triage().model(), selector, titles, rules, registry);
    }

    public ModelTriage(
            ChatCompletions completions,
            RouterConfig.Model model,
            HouseSelector selector,
            HouseTitles titles,
            TriageRules rules,
            MeterRegistry registry) {
        this.completions = completions;
        this.model = model;
        this.selector = selector;
        this.titles = titles;
        this.rules = rules;
        this.registry = registry;
        if (model.baseUrl().isPresent()) {
            if (ChatCompletions.completionsUri(model.baseUrl().get()).isEmpty()) {
                throw new IllegalArgumentException("router.triage.model.base-url '"
                        + model.baseUrl().get() + "' is not an http(s) URL such as http://127.0.0.1:11434/v1");
            }
            if (model.name().isEmpty() || model.name().get().isBlank()) {
                throw new IllegalArgumentException(
                        "router.triage.model.base-url is set but router.triage.model.name is not: name the model");
            }
        }
    }

    public boolean enabled() {
        return model.baseUrl().isPresent();
    }

    /** The model's decision, or empty (logged and counted) when it gave none that can be used. */
    public Optional<TriageDecision> classify(GiteaEventPayload event) {
        if (!enabled()) {
            return Optional.empty();
        }
        String answer;
        try {
            answer = completions.complete(
                    model.baseUrl().get(),
                    model.apiKey().orElse(null),
                    model.name().get(),
                    systemPrompt(),
                    userPrompt(event),
                    model.timeout());
        } catch (ChatCompletionException e) {
            String outcome = e.getCause() instanceof HttpTimeoutException ? "timeout" : "failed";
            count(outcome);
            LOG.warnf(
                    "triage model gave no answer for %s (%s); using the rules: %s",
                    event.summary(), outcome, e.getMessage());
            return Optional.empty();
        }
        return switch (ModelAnswer.parse(answer, selector.houses(), rules.knownLabels())) {
            case ModelAnswer.Valid valid -> {
                count("chosen");
                if (!valid.droppedLabels().isEmpty()) {
                    LOG.debugf(
                            "triage model suggested labels the rules do not know, not added: %s",
                            valid.droppedLabels());
                }
                yield Optional.of(valid.decision());
            }
            case ModelAnswer.Invalid invalid -> {
                count("invalid");
                LOG.warnf(
                        "triage model answer for %s is unusable (%s); using the rules", event.summary(), invalid.why());
                yield Optional.empty();
            }
        };
    }

    String systemPrompt() {
        StringBuilder prompt = new StringBuilder("""
                You triage Gitea issues and pull requests for a mesh of AI houses. Choose the one house that should \
                handle the event you are given.

                Houses:
                """);
        for (String house : selector.houses()) {
            prompt.append("- ").append(house).append(": ").append(titles.title(house));
            String role = ROLES.get(house);
            if (role != null) {
                prompt.append(", ").append(role);
            }
            prompt.append('\n');
        }
        List<String> labels = List.copyOf(rules.knownLabels());
        prompt.append("\nLabels you may add: ")
                .append(labels.isEmpty() ? "none" : String.join(", ", labels))
                .append(".\n\n")
                .append("Answer with one JSON object only, no other text: {\"house\": \"<one of ")
                .append(String.join(", ", selector.houses()))
                .append(">\", \"labels\": [<labels from the list, or none>], \"reason\": \"<one short sentence>\"}");
        return prompt.toString();
    }

    static String userPrompt(GiteaEventPayload event) {
        StringBuilder prompt = new StringBuilder(event.summary()).append('\n');
        if (event.url() != null) {
            prompt.append("URL: ").append(event.url()).append('\n');
        }
        if (event.sender() != null) {
            prompt.append("By: ").append(event.sender()).append('\n');
        }
        if (!event.labels().isEmpty()) {
            prompt.append("Labels: ").append(String.join(", ", event.labels())).append('\n');
        }
        if (!event.paths().isEmpty()) {
            List<String> paths = event.paths().stream().limit(MAX_PATHS).toList();
            prompt.append("Files: ").append(String.join(", ", paths));
            if (event.paths().size() > MAX_PATHS) {
                prompt.append(" and ").append(event.paths().size() - MAX_PATHS).append(" more");
            }
            prompt.append('\n');
        }
        String body = event.body() == null ? "" : event.body().strip();
        if (!body.isEmpty()) {
            prompt.append('\n')
                    .append(body.length() > MAX_BODY_CHARS ? body.substring(0, MAX_BODY_CHARS) + "..." : body);
        }
        return prompt.toString();
    }

    private void count(String outcome) {
        registry.counter("mesh.router.triage.model", "outcome", outcome).increment();
    }
}

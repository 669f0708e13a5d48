package dev.uniwizard.mesh.router.gitea;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.EnvelopeFormatException;
import dev.uniwizard.mesh.core.gitea.GiteaEventPayload;
import dev.uniwizard.mesh.core.payload.ReplyAddress;
import dev.uniwizard.mesh.core.platform.Platforms;
import dev.uniwizard.mesh.gitea.GiteaApi;
import dev.uniwizard.mesh.gitea.GiteaApiException;
import dev.uniwizard.mesh.gitea.GiteaRepo;
import dev.uniwizard.mesh.router.health.HealthPolicy;
import dev.uniwizard.mesh.router.messaging.TaskDispatcher;
import dev.uniwizard.mesh.router.routing.HouseSelector;
import dev.uniwizard.mesh.router.routing.HouseTitles;
import dev.uniwizard.mesh.router.routing.RouteDecision;
import dev.uniwizard.mesh.router.triage.ModelTriage;
import dev.uniwizard.mesh.router.triage.TriageDecision;
import dev.uniwizard.mesh.router.triage.TriageRules;
import dev.uniwizard.mesh.service.messaging.EnvelopeHandler.Delivery;
import dev.uniwizard.mesh.service.messaging.EnvelopeHandler.PermanentFailure;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Routes a verified Gitea webhook ({@link GiteaEventPayload} on {@code <root>.in.gitea}):
 *
 * <ul>
 *   <li>{@code issues} / {@code pull_request} {@code opened}: triaged. The house is the one the issue addresses
 *       ({@code @ezra} in the title or body), else the model's choice when a model is configured and answers usably,
 *       else the first matching rule, else the triage default house; then the houses' health may queue or fail it
 *       over. The issue gets labels ({@code house/<house>} and the rule's or model's), the house's Gitea user as
 *       assignee and a {@code Routed to} comment ({@link GiteaMarks}); then the task is published.
 *   <li>{@code issue_comment} {@code created}: routed only when the comment addresses a house, and never when a house's
 *       own Gitea user or the router wrote it (loop guard).
 *   <li>{@code push}: routed only when a rule for push events matches.
 * </ul>
 *
 * Everything else is ignored, logged at debug and counted in {@code mesh.router.gitea{event,outcome=ignored}}; what is
 * routed counts as {@code outcome=routed}. A transient Gitea failure is thrown so JetStream delivers the webhook
 * again, until the last attempt, which routes the task anyway and says in {@code routedBecause} that labelling failed.
 */
@Singleton
public class GiteaEventRouter {

    private static final Logger LOG = Logger.getLogger(GiteaEventRouter.class);

    /** Deliveries of one inbound message before it is dead-lettered (the router's consumer uses this). */
    public static final int ATTEMPTS = 5;

    private static final String OPENED = "opened";
    private static final String CREATED = "created";

    private final HouseSelector selector;
    private final TriageRules rules;
    private final ModelTriage model;
    private final GiteaAccess gitea;
    private final GiteaMarks marks;
    private final TaskDispatcher dispatcher;
    private final HouseTitles titles;
    private final MeterRegistry registry;

    public GiteaEventRouter(
            HouseSelector selector,
            TriageRules rules,
            ModelTriage model,
            GiteaAccess gitea,
            GiteaMarks marks,
            TaskDispatcher dispatcher,
            HouseTitles titles,
            MeterRegistry registry) {
        this.selector = selector;
        this.rules = rules;
        this.model = model;
        this.gitea = gitea;
        this.marks = marks;
        this.dispatcher = dispatcher;
        this.titles = titles;
        this.registry = registry;
    }

    public void route(Envelope message, Delivery delivery) throws Exception {
        GiteaEventPayload event = read(message);
        switch (event.event()) {
            case GiteaEventPayload.ISSUES, GiteaEventPayload.PULL_REQUEST -> {
                if (OPENED.equals(event.action())) {
                    triage(message, requireIssue(event), delivery);
                } else {
                    ignore(event, "only opened " + event.event() + " are triaged");
                }
            }
            case GiteaEventPayload.ISSUE_COMMENT -> comment(message, requireIssue(event));
            case GiteaEventPayload.PUSH -> push(message, event);
            default -> ignore(event, "the router does not route " + event.event() + " events");
        }
    }

    private void triage(Envelope message, GiteaEventPayload event, Delivery delivery) throws Exception {
        boolean lastAttempt = delivery.attempt() >= ATTEMPTS;
        GiteaEventPayload withPaths = withPullRequestFiles(event, lastAttempt);
        TriageDecision decision = decide(message, withPaths);
        HealthPolicy.Placement placement = dispatcher.place(decision.house());
        List<String> labels = new ArrayList<>(decision.labels());
        labels.add("house/" + placement.house());
        String comment =
                GiteaMarks.ROUTED_TO + titles.title(placement.house()) + ": " + placement.reason(decision.reason());
        GiteaMarks.Outcome outcome =
                marks.mark(withPaths, placement.house(), labels, comment, lastAttempt, delivery::stillWorking);
        String reason =
                switch (outcome) {
                    case GiteaMarks.Failed failed -> decision.reason() + "; Gitea labelling failed: " + failed.why();
                    case GiteaMarks.NotConfigured ignored ->
                        decision.reason() + "; no Gitea labels (router.gitea not set)";
                    case GiteaMarks.Applied ignored -> decision.reason();
                };
        boolean commented = outcome instanceof GiteaMarks.Applied;
        dispatcher.dispatch(
                message,
                placement,
                GiteaTaskText.describe(withPaths, withPaths.body()),
                Platforms.GITEA,
                reason,
                issueAddress(withPaths),
                !commented);
        routed(event);
    }

    /** Address in the envelope, title or body; else the model; else the rules; else the triage default house. */
    TriageDecision decide(Envelope message, GiteaEventPayload event) {
        for (Optional<RouteDecision> addressed : List.of(
                selector.addressed(message.house(), null),
                selector.addressed(null, event.title()),
                selector.addressed(null, event.body()))) {
            if (addressed.orElse(null) instanceof RouteDecision.Route route) {
                return new TriageDecision(route.house(), List.of(), route.reason());
            }
        }
        return model.classify(event).orElseGet(() -> rules.decide(event));
    }

    private GiteaEventPayload withPullRequestFiles(GiteaEventPayload event, boolean lastAttempt)
            throws GiteaApiException {
        if (!GiteaEventPayload.PULL_REQUEST.equals(event.event())
                || !event.paths().isEmpty()
                || !rules.needPaths(event.event())) {
            return event;
        }
        Optional<GiteaApi> api = gitea.api();
        if (api.isEmpty()) {
            LOG.infof("path rules cannot see the files of %s: router.gitea is not configured", event.summary());
            return event;
        }
        try {
            return event.withPaths(api.get().pullRequestFiles(GiteaRepo.parse(event.repository()), event.number()));
        } catch (GiteaApiException e) {
            if (e.isTransient() && !lastAttempt) {
                throw e;
            }
            LOG.warnf("files of %s not read (path rules see none): %s", event.summary(), e.getMessage());
            return event;
        }
    }

    private void comment(Envelope message, GiteaEventPayload event) {
        if (!CREATED.equals(event.action())) {
            ignore(event, "only new comments are routed");
            return;
        }
        if (gitea.isHouseUser(event.sender())) {
            ignore(event, "written by a house's own Gitea user " + event.sender());
            return;
        }
        String body = event.body() == null ? "" : event.body();
        if (body.stripLeading().startsWith(GiteaMarks.ROUTED_TO)) {
            ignore(event, "the router's own routing comment");
            return;
        }
        Optional<RouteDecision> addressed = selector.addressed(null, body);
        if (addressed.isEmpty() || !(addressed.get() instanceof RouteDecision.Route route)) {
            ignore(event, "the comment addresses no house");
            return;
        }
        dispatcher.dispatch(
                message,
                dispatcher.place(route.house()),
                GiteaTaskText.describe(event, route.text()),
                Platforms.GITEA,
                route.reason(),
                issueAddress(event),
                true);
        routed(event);
    }

    private void push(Envelope message, GiteaEventPayload event) {
        Optional<TriageDecision> matched = rules.firstMatch(event);
        if (matched.isEmpty()) {
            ignore(event, "no rule for push events matches");
            return;
        }
        TriageDecision decision = matched.get();
        dispatcher.dispatch(
                message,
                dispatcher.place(decision.house()),
                GiteaTaskText.describe(event, null),
                Platforms.GITEA,
                decision.reason(),
                ReplyAddress.chat(event.repository()),
                true);
        routed(event);
    }

    private static ReplyAddress issueAddress(GiteaEventPayload event) {
        return new ReplyAddress(event.repository(), String.valueOf(event.number()), null, null);
    }

    private GiteaEventPayload read(Envelope message) throws PermanentFailure {
        GiteaEventPayload event;
        try {
            event = EnvelopeCodec.readPayload(message, GiteaEventPayload.class);
        } catch (EnvelopeFormatException e) {
            throw refused("the Gitea event could not be read: " + e.getMessage());
        }
        if (event.event() == null || event.event().isBlank()) {
            throw refused("the Gitea event " + message.id() + " names no event");
        }
        if (event.repository() == null || event.repository().isBlank()) {
            throw refused("the Gitea event " + message.id() + " (" + event.event() + ") names no repository");
        }
        return event;
    }

    private GiteaEventPayload requireIssue(GiteaEventPayload event) throws PermanentFailure {
        if (event.number() == null || event.number() < 1) {
            throw refused("the Gitea " + event.event() + " event on " + event.repository()
                    + " has no issue or pull request number");
        }
        return event;
    }

    /** A webhook the gateway should never have published: dead-lettered with the reason, counted. */
    private PermanentFailure refused(String why) {
        registry.counter("mesh.router.refused", "reason", "bad_webhook").increment();
        LOG.warnf("refusing a Gitea webhook: %s", why);
        return new PermanentFailure("bad_webhook: " + why);
    }

    private void ignore(GiteaEventPayload event, String why) {
        registry.counter("mesh.router.gitea", "event", eventTag(event), "outcome", "ignored")
                .increment();
        LOG.debugf("not routing %s (delivery %s): %s", event.summary(), event.delivery(), why);
    }

    private void routed(GiteaEventPayload event) {
        registry.counter("mesh.router.gitea", "event", eventTag(event), "outcome", "routed")
                .increment();
    }

    private static String eventTag(GiteaEventPayload event) {
        return GiteaEventPayload.SUPPORTED.contains(event.event()) ? event.event() : "other";
    }
}

package dev.uniwizard.mesh.router.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Routing settings, under {@code router.*}; see docs/router.md for the reference and examples. */
@ConfigMapping(prefix = "router")
public interface RouterConfig {

    /** The houses that exist; nothing is routed anywhere else. */
    List<String> houses();

    /** Where a message goes when nothing else decides. */
    String defaultHouse();

    /**
     * How houses are named to people in comments and notices, e.g. {@code ezra=Ezra (archivist)}; houses not listed
     * get the built-in titles of Timmy, Ezra and Bezalel, or their capitalised name.
     */
    Map<String, String> houseTitles();

    /** Triage of Gitea webhooks. */
    Triage triage();

    /** The Gitea server the router labels, assigns and comments on. */
    Gitea gitea();

    /** Health-aware routing from the houses' heartbeats. */
    Health health();

    /** Triage of Gitea webhooks: rules in order, an optional model, and where the rest goes. */
    interface Triage {

        /** Where a triaged event goes when no rule matches; unset: {@code router.default-house}. */
        Optional<String> defaultHouse();

        /** The rules, first match wins. */
        Optional<List<Rule>> rules();

        /** An OpenAI-compatible model asked first, when {@code base-url} is set. */
        Model model();
    }

    /**
     * One triage rule. It matches an event of one of its {@code events} when any of its criteria matches (labels,
     * paths or keywords); a rule without criteria matches every such event.
     */
    interface Rule {

        /** Named in the routing reason, e.g. {@code rule docs: label documentation}. */
        String name();

        /** Where matching events go. */
        String house();

        /** Matches when the issue or pull request already has any of these labels (case-insensitive). */
        Optional<List<String>> labels();

        /** Matches when any touched file matches any of these globs ({@code docs/**}, {@code *.md}). */
        Optional<List<String>> paths();

        /** Matches when any of these words appears, whole and case-insensitive, in the title or body. */
        Optional<List<String>> keywords();

        /** Gitea events the rule applies to. */
        @WithDefault("issues,pull_request")
        List<String> events();

        /** Labels added to the issue or pull request besides {@code house/<house>}. */
        Optional<List<String>> addLabels();
    }

    /** An OpenAI-compatible chat-completions endpoint that classifies events. */
    interface Model {

        /** E.g. {@code http://127.0.0.1:11434/v1}; unset: no model, rules only. */
        Optional<String> baseUrl();

        /** The model's name; required with {@code base-url}. */
        Optional<String> name();

        /** The bearer key, if the endpoint needs one (env {@code ROUTER_TRIAGE_MODEL_API_KEY}). */
        Optional<String> apiKey();

        /** How long to wait for the answer before using the rules' answer. */
        @WithDefault("10s")
        Duration timeout();
    }

    /** The Gitea server; without base-url and token, triage decides and routes but changes nothing on Gitea. */
    interface Gitea {

        Optional<String> baseUrl();

        /** An access token of the router's Gitea user (env {@code ROUTER_GITEA_TOKEN}). */
        Optional<String> token();

        /** How long one Gitea call may take. */
        @WithDefault("10s")
        Duration timeout();

        /** Each house's Gitea login: issues are assigned to it, and its comments are never routed (loop guard). */
        Map<String, String> users();
    }

    /**
     * What happens to work for a house that is down. When a house counts as down is the mesh's rule,
     * {@code mesh.house-liveness.*} (missed heartbeats, default interval), shared with the scheduler.
     */
    interface Health {

        /** {@code queue}: keep the task for the house and tell the sender; {@code failover}: go to the backup. */
        @WithDefault("queue")
        HealthPolicyName policy();

        /** Per house, the house that takes its work under {@code failover}. */
        Map<String, String> backup();
    }

    /** What to do with work for a house that is down. */
    enum HealthPolicyName {
        QUEUE,
        FAILOVER
    }
}

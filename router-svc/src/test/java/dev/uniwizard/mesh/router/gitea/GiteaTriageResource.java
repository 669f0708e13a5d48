package dev.uniwizard.mesh.router.gitea;

import dev.uniwizard.mesh.testkit.llm.ScriptedChatServer;
import dev.uniwizard.mesh.testkit.platforms.FakeGiteaApi;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * An in-memory Gitea with repository {@code acme/app} and a scripted triage model, both real HTTP servers, wired into
 * the router with three rules (docs → ezra, code → bezalel, releases on push → timmy) and a Gitea user per house.
 * Injects both servers into the test's fields.
 */
public class GiteaTriageResource implements QuarkusTestResourceLifecycleManager {

    static final String REPO = "acme/app";

    private FakeGiteaApi gitea;
    private ScriptedChatServer model;

    @Override
    public Map<String, String> start() {
        gitea = new FakeGiteaApi().createRepo(REPO);
        model = ScriptedChatServer.start();
        Map<String, String> config = new HashMap<>();
        config.put("router.gitea.base-url", gitea.url());
        config.put("router.gitea.token", gitea.token());
        config.put("router.gitea.timeout", "5s");
        config.put("router.gitea.users.timmy", "timmy-bot");
        config.put("router.gitea.users.ezra", "ezra-bot");
        config.put("router.gitea.users.bezalel", "bezalel-bot");
        config.put("router.triage.model.base-url", model.baseUrl());
        config.put("router.triage.model.name", "triage-test");
        config.put("router.triage.model.timeout", "5s");
        rule(config, 0, "docs", "ezra", "documentation", "docs/**,*.md", "readme,documentation", null, "docs");
        rule(config, 1, "code", "bezalel", "bug", null, "crash,build", null, "code");
        rule(config, 2, "releases", "timmy", null, "release/**", null, "push", "release");
        return config;
    }

    private static void rule(
            Map<String, String> config,
            int index,
            String name,
            String house,
            String labels,
            String paths,
            String keywords,
            String events,
            String addLabels) {
        String prefix = "router.triage.rules[" + index + "].";
        config.put(prefix + "name", name);
        config.put(prefix + "house", house);
        put(config, prefix + "labels", labels);
        put(config, prefix + "paths", paths);
        put(config, prefix + "keywords", keywords);
        put(config, prefix + "events", events);
        put(config, prefix + "add-labels", addLabels);
    }

    private static void put(Map<String, String> config, String key, String value) {
        if (value != null) {
            config.put(key, value);
        }
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(gitea, new TestInjector.MatchesType(FakeGiteaApi.class));
        testInjector.injectIntoFields(model, new TestInjector.MatchesType(ScriptedChatServer.class));
    }

    @Override
    public void stop() {
        if (gitea != null) {
            gitea.close();
        }
        if (model != null) {
            model.close();
        }
    }
}

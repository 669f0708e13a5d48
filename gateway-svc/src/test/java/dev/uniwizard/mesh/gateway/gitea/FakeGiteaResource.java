package dev.uniwizard.mesh.gateway.gitea;

import dev.uniwizard.mesh.testkit.platforms.FakeGiteaApi;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts a {@link FakeGiteaApi} with the repository {@value #REPO}, points {@code gateway.gitea.base-url} and
 * {@code token} at it, and injects it into the test's {@code FakeGiteaApi} field.
 */
public class FakeGiteaResource implements QuarkusTestResourceLifecycleManager {

    static final String REPO = "acme/app";

    private FakeGiteaApi fake;

    @Override
    public Map<String, String> start() {
        fake = new FakeGiteaApi().createRepo(REPO);
        return Map.of("gateway.gitea.base-url", fake.url(), "gateway.gitea.token", fake.token());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(fake, new TestInjector.MatchesType(FakeGiteaApi.class));
    }

    @Override
    public void stop() {
        if (fake != null) {
            fake.close();
        }
    }
}

package dev.uniwizard.mesh.gateway.gitea;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Gitea webhooks on, with a secret and a small body limit; {@link FakeGiteaResource} adds the Gitea to post replies
 * to. Shared by the Gitea tests so Quarkus starts once for them.
 */
public class GiteaTestProfile implements QuarkusTestProfile {

    static final String SECRET = "gitea-webhook-test-secret";
    static final int MAX_BODY_BYTES = 64 * 1024;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "gateway.gitea.enabled",
                "true",
                "gateway.gitea.webhook-secret",
                SECRET,
                "gateway.gitea.max-body-bytes",
                String.valueOf(MAX_BODY_BYTES));
    }
}

package dev.uniwizard.mesh.gateway.telegram;

import dev.uniwizard.mesh.testkit.platforms.FakeTelegramBotApi;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.time.Duration;
import java.util.Map;

/**
 * Starts a {@link FakeTelegramBotApi}, points {@code gateway.telegram.api-url} and {@code bot-token} at it, and injects
 * it into the test's {@code FakeTelegramBotApi} field.
 */
public class FakeTelegramResource implements QuarkusTestResourceLifecycleManager {

    static final String TOKEN = "123456789:AAtest-token-for-the-fake";

    private FakeTelegramBotApi fake;

    @Override
    public Map<String, String> start() {
        fake = new FakeTelegramBotApi(TOKEN).maxLongPoll(Duration.ofMillis(500));
        return Map.of("gateway.telegram.api-url", fake.url(), "gateway.telegram.bot-token", TOKEN);
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(fake, new TestInjector.MatchesType(FakeTelegramBotApi.class));
    }

    @Override
    public void stop() {
        if (fake != null) {
            fake.close();
        }
    }
}

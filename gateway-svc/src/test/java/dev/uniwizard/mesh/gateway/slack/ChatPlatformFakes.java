package dev.uniwizard.mesh.gateway.slack;

import dev.uniwizard.mesh.gateway.discord.DiscordTestKeys;
import dev.uniwizard.mesh.testkit.platforms.FakeDiscordApi;
import dev.uniwizard.mesh.testkit.platforms.FakeSlackWebApi;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Slack and Discord for the gateway under test, in one test resource so that the Slack and Discord tests share one
 * Quarkus start: fakes of Slack's Web API and Discord's webhook endpoints on real local ports, a Discord application
 * key pair, both adapters enabled, and an operator alice who is {@link #SLACK_USER} on Slack and {@link #DISCORD_USER}
 * on Discord. Injects the {@link FakeSlackWebApi}, {@link FakeDiscordApi} and {@link DiscordTestKeys} fields of the
 * tests.
 */
public class ChatPlatformFakes implements QuarkusTestResourceLifecycleManager {

    public static final String SLACK_SIGNING_SECRET = "slack-test-signing-secret";
    public static final String SLACK_BOT_TOKEN = "xoxb-test-bot-token";
    public static final String SLACK_USER = "U2CERLKJA";
    public static final String DISCORD_APPLICATION_ID = "1100000000000000001";
    public static final String DISCORD_USER = "80351110224678912";
    public static final String OPERATOR = "alice";
    public static final String OPERATOR_HOUSE = "ezra";

    private FakeSlackWebApi slack;
    private FakeDiscordApi discord;
    private DiscordTestKeys discordKeys;

    @Override
    public Map<String, String> start() {
        slack = new FakeSlackWebApi(SLACK_BOT_TOKEN);
        discord = new FakeDiscordApi();
        discordKeys = new DiscordTestKeys();
        Map<String, String> config = new HashMap<>();
        config.put("gateway.slack.enabled", "true");
        config.put("gateway.slack.signing-secret", SLACK_SIGNING_SECRET);
        config.put("gateway.slack.bot-token", SLACK_BOT_TOKEN);
        config.put("gateway.slack.api-url", slack.apiUrl());
        config.put("gateway.discord.enabled", "true");
        config.put("gateway.discord.public-key", discordKeys.publicKeyHex());
        config.put("gateway.discord.application-id", DISCORD_APPLICATION_ID);
        config.put("gateway.discord.api-url", discord.apiUrl());
        config.put("gateway.operators." + OPERATOR + ".house", OPERATOR_HOUSE);
        config.put("gateway.operators." + OPERATOR + ".identities", "slack:" + SLACK_USER + ",discord:" + DISCORD_USER);
        return config;
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(slack, new TestInjector.MatchesType(FakeSlackWebApi.class));
        testInjector.injectIntoFields(discord, new TestInjector.MatchesType(FakeDiscordApi.class));
        testInjector.injectIntoFields(discordKeys, new TestInjector.MatchesType(DiscordTestKeys.class));
    }

    @Override
    public void stop() {
        if (slack != null) {
            slack.close();
        }
        if (discord != null) {
            discord.close();
        }
    }
}

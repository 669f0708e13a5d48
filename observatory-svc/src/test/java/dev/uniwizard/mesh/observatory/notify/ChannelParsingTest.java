package dev.uniwizard.mesh.observatory.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.uniwizard.mesh.core.payload.ReplyAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ChannelParsingTest {

    @Test
    void chatsArePlatformChatAndThread() {
        ChatChannel telegram = ChatChannel.parse("telegram:12345");
        ChatChannel slack = ChatChannel.parse(" slack:C0123:1700000000.000100 ");
        ChatChannel gitea = ChatChannel.parse("gitea:owner/repo:42");

        assertThat(telegram).isEqualTo(new ChatChannel("telegram", "12345", null));
        assertThat(telegram.address()).isEqualTo(ReplyAddress.chat("12345"));
        assertThat(telegram.name()).isEqualTo("telegram");
        assertThat(telegram.destination()).isEqualTo("12345");
        assertThat(slack.address()).isEqualTo(new ReplyAddress("C0123", "1700000000.000100", null, null));
        assertThat(slack.destination()).isEqualTo("C0123:1700000000.000100");
        assertThat(gitea.address().chat()).isEqualTo("owner/repo");
    }

    @Test
    void badChatsSayWhatIsExpected() {
        for (String bad : new String[] {"telegram", "telegram:", ":123", "telegram:1:", ""}) {
            assertThatThrownBy(() -> ChatChannel.parse(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("observatory.notify.chats");
        }
        assertThatThrownBy(() -> ChatChannel.parse("Tele Gram:1")).hasMessageContaining("platform 'Tele Gram'");
    }

    @Test
    void webhooksKeepCredentialsOutOfTheRecord() {
        WebhookChannel webhook = WebhookChannel.parse("https://ops:s3cret@alerts.example.com:8443/hook?token=abc#x");

        assertThat(webhook.uri().toString()).isEqualTo("https://alerts.example.com:8443/hook?token=abc");
        assertThat(webhook.destination()).isEqualTo("https://alerts.example.com:8443/hook");
        assertThat(webhook.authorization())
                .isEqualTo(
                        "Basic " + Base64.getEncoder().encodeToString("ops:s3cret".getBytes(StandardCharsets.UTF_8)));
        assertThat(webhook.toString()).doesNotContain("s3cret").doesNotContain("abc");
        assertThat(WebhookChannel.parse("http://127.0.0.1:9000/a").authorization())
                .isNull();
    }

    @Test
    void badWebhooksSayWhatIsExpected() {
        for (String bad : new String[] {"ftp://x/y", "/relative", "http://", "not a url"}) {
            assertThatThrownBy(() -> WebhookChannel.parse(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("observatory.notify.webhooks entry");
        }
    }
}

package dev.uniwizard.mesh.house.tools.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostAllowListTest {

    private final HostAllowList list = new HostAllowList(List.of("API.example.org", "*.wizard.dev", " [::1] ", ""));

    @Test
    void exactNamesMatchWithoutRegardToCase() {
        assertThat(list.allows("api.example.org")).isTrue();
        assertThat(list.allows("Api.Example.Org.")).isTrue();
        assertThat(list.allows("example.org")).isFalse();
        assertThat(list.allows("evil-api.example.org")).isFalse();
    }

    @Test
    void wildcardMatchesSubdomainsButNotTheDomainItself() {
        assertThat(list.allows("docs.wizard.dev")).isTrue();
        assertThat(list.allows("a.b.WIZARD.dev")).isTrue();
        assertThat(list.allows("wizard.dev")).isFalse();
        assertThat(list.allows("notwizard.dev")).isFalse();
    }

    @Test
    void ipv6LiteralsMatchWithOrWithoutBrackets() {
        assertThat(list.allows("[::1]")).isTrue();
        assertThat(list.allows("::1")).isTrue();
    }

    @Test
    void checkAcceptsAllowedHttpAndHttpsUrls() throws Exception {
        assertThat(list.check("https://api.example.org:8443/v1?q=1").getPort()).isEqualTo(8443);
        assertThat(list.check("http://[::1]:8080/").getHost()).isEqualTo("[::1]");
    }

    @Test
    void checkRefusesOtherSchemesHostsAndTricks() {
        assertThatThrownBy(() -> list.check("ftp://api.example.org/file"))
                .isInstanceOf(HostNotAllowedException.class)
                .hasMessageContaining("not an http or https URL");
        assertThatThrownBy(() -> list.check("file:///etc/passwd")).hasMessageContaining("not an http or https URL");
        assertThatThrownBy(() -> list.check("https://evil.org/"))
                .hasMessageContaining("host 'evil.org' is not allowed")
                .hasMessageContaining("api.example.org, *.wizard.dev, ::1")
                .hasMessageContaining("nothing was sent");
        assertThatThrownBy(() -> list.check("https://api.example.org@evil.org/"))
                .hasMessageContaining("host 'evil.org' is not allowed");
        assertThatThrownBy(() -> list.check("http://bad host/")).hasMessageContaining("is not a valid URL");
        assertThatThrownBy(() -> list.check("http:///path")).hasMessageContaining("names no host");
    }

    @Test
    void hostOfIsTheLowerCaseHost() {
        assertThat(HostAllowList.hostOf("https://Docs.Wizard.dev/x")).contains("docs.wizard.dev");
        assertThat(HostAllowList.hostOf("not a url")).isEmpty();
    }

    @Test
    void badPatternsFailAtStartUp() {
        assertThatThrownBy(() -> new HostAllowList(List.of("*")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("house.http.allowed-hosts: '*'");
        assertThatThrownBy(() -> new HostAllowList(List.of("api.*.org"))).hasMessageContaining("'api.*.org'");
        assertThatThrownBy(() -> new HostAllowList(List.of("example.org/path")))
                .hasMessageContaining("'example.org/path'");
    }
}

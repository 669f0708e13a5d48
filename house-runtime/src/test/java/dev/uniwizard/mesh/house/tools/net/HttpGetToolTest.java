package dev.uniwizard.mesh.house.tools.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.uniwizard.mesh.house.config.HouseConfigs;
import dev.uniwizard.mesh.house.tools.ToolCall;
import dev.uniwizard.mesh.house.tools.ToolResult;
import dev.uniwizard.mesh.house.tools.TransientToolException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpGetToolTest {

    private TestHttpServer server;

    @BeforeEach
    void start() throws Exception {
        server = new TestHttpServer(exchange -> {
            switch (exchange.getRequestURI().getPath()) {
                case "/hello" -> TestHttpServer.respond(exchange, 200, "text/plain; charset=utf-8", "hello, wizard");
                case "/big" -> TestHttpServer.respond(exchange, 200, "application/json", "x".repeat(1000));
                case "/image" -> TestHttpServer.respond(exchange, 200, "image/png", "\u0089PNG....");
                case "/away" -> {
                    exchange.getResponseHeaders().set("Location", "https://elsewhere.example/landing");
                    TestHttpServer.respond(exchange, 302, null, "");
                }
                case "/near" -> {
                    exchange.getResponseHeaders().set("Location", "/hello");
                    TestHttpServer.respond(exchange, 301, null, "");
                }
                case "/busy" -> TestHttpServer.respond(exchange, 503, "text/plain", "try later");
                default -> TestHttpServer.respond(exchange, 404, "text/plain", "no such page");
            }
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void returnsStatusContentTypeAndBody() {
        ToolResult result = tool(Map.of()).execute(get(server.baseUrl() + "/hello"));

        assertThat(result.ok()).isTrue();
        assertThat(result.text()).isEqualTo("HTTP 200\ncontent-type: text/plain; charset=utf-8\n\nhello, wizard");
        assertThat(server.received()).singleElement().satisfies(r -> assertThat(r.method())
                .isEqualTo("GET"));
    }

    @Test
    void disallowedHostIsRefusedBeforeAnythingIsSent() {
        HttpGetTool tool = tool(Map.of("house.http.allowed-hosts", "localhost,*.example.org"));

        ToolResult result = tool.execute(get(server.baseUrl() + "/hello"));

        assertThat(result.ok()).isFalse();
        assertThat(result.text())
                .contains("host '127.0.0.1' is not allowed", "localhost, *.example.org", "nothing was sent");
        assertThat(server.received()).isEmpty();
    }

    @Test
    void otherSchemesAreRefused() {
        ToolResult result = tool(Map.of()).execute(get("file:///etc/passwd"));

        assertThat(result.ok()).isFalse();
        assertThat(result.text()).contains("not an http or https URL");
    }

    @Test
    void redirectsAreReportedNotFollowed() {
        HttpGetTool tool = tool(Map.of());

        ToolResult away = tool.execute(get(server.baseUrl() + "/away"));
        ToolResult near = tool.execute(get(server.baseUrl() + "/near"));

        assertThat(away.ok()).isTrue();
        assertThat(away.text())
                .startsWith("HTTP 302\n")
                .contains("location: https://elsewhere.example/landing")
                .contains("its host is not on house.http.allowed-hosts");
        assertThat(near.text()).contains("HTTP 301", "call http_get with " + server.baseUrl() + "/hello");
        assertThat(server.received()).extracting(TestHttpServer.Received::path).containsExactly("/away", "/near");
    }

    @Test
    void bodyIsCutAtTheConfiguredLimitOrAtMaxBytes() {
        HttpGetTool tool = tool(Map.of("house.http.max-body-bytes", "100"));

        ToolResult configured = tool.execute(get(server.baseUrl() + "/big"));
        ToolResult asked =
                tool.execute(new ToolCall("http_get", Map.of("url", server.baseUrl() + "/big", "max_bytes", "10")));
        ToolResult tooMuch =
                tool.execute(new ToolCall("http_get", Map.of("url", server.baseUrl() + "/big", "max_bytes", "5000")));

        assertThat(configured.text()).endsWith("\n\n" + "x".repeat(100) + "\n[body cut at 100 bytes]");
        assertThat(asked.text()).endsWith("\n\n" + "x".repeat(10) + "\n[body cut at 10 bytes]");
        assertThat(tooMuch.text()).endsWith("[body cut at 100 bytes]");
    }

    @Test
    void binaryBodiesAreNotShown() {
        ToolResult result = tool(Map.of()).execute(get(server.baseUrl() + "/image"));

        assertThat(result.text())
                .contains("content-type: image/png", "[binary body of")
                .doesNotContain("PNG");
    }

    @Test
    void errorStatusIsAFailureWithTheBody() {
        ToolResult result = tool(Map.of()).execute(get(server.baseUrl() + "/missing"));

        assertThat(result.ok()).isFalse();
        assertThat(result.text()).startsWith("HTTP 404\n").endsWith("no such page");
    }

    @Test
    void serviceUnavailableIsWorthARetry() {
        assertThatThrownBy(() -> tool(Map.of()).execute(get(server.baseUrl() + "/busy")))
                .isInstanceOf(TransientToolException.class)
                .hasMessageContaining("HTTP 503")
                .hasMessageContaining("try later");
    }

    @Test
    void refusedConnectionIsWorthARetry() {
        String url = server.baseUrl() + "/hello";
        server.close();

        assertThatThrownBy(() -> tool(Map.of()).execute(get(url)))
                .isInstanceOf(TransientToolException.class)
                .hasMessageContaining("cannot connect");
    }

    @Test
    void isReadOnlyAndTargetsTheHost() {
        HttpGetTool tool = tool(Map.of());

        assertThat(tool.readOnly()).isTrue();
        assertThat(tool.target(get("https://Docs.Example.org:8443/x"))).contains("docs.example.org");
    }

    private static HttpGetTool tool(Map<String, String> properties) {
        Map<String, String> all = new HashMap<>(Map.of("house.http.timeout", "5s"));
        all.putAll(properties);
        return new HttpGetTool(HouseConfigs.of(all));
    }

    private static ToolCall get(String url) {
        return new ToolCall("http_get", Map.of("url", url));
    }
}

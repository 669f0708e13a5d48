package dev.uniwizard.mesh.house.tools.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.uniwizard.mesh.house.config.HouseConfigs;
import dev.uniwizard.mesh.house.tools.ToolCall;
import dev.uniwizard.mesh.house.tools.ToolResult;
import dev.uniwizard.mesh.house.tools.net.HostAllowList;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HealthCheckToolTest {

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private String base;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/health", exchange -> {
            requests.incrementAndGet();
            reply(exchange, 200, "{\"status\":\"UP\"}");
        });
        server.createContext("/broken", exchange -> {
            requests.incrementAndGet();
            reply(exchange, 503, "maintenance\n" + "x".repeat(500));
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void reply(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private static ToolResult check(HealthCheckTool tool, Map<String, String> args) {
        return tool.execute(new ToolCall("health_check", args));
    }

    @Test
    void upWhenTheExpectedStatusComesBack() {
        HealthCheckTool tool = new HealthCheckTool(HouseConfigs.of(Map.of()));

        ToolResult result = check(tool, Map.of("url", base + "/health"));

        assertThat(result.ok()).isTrue();
        assertThat(result.text())
                .startsWith("UP " + base + "/health: status 200 (expected 200), latency ")
                .contains(" ms, body: {\"status\":\"UP\"}");
        assertThat(requests).hasValue(1);
    }

    @Test
    void downWhenTheStatusDiffersAndTheBodyIsCut() {
        HealthCheckTool tool = new HealthCheckTool(HouseConfigs.of(Map.of()));

        ToolResult result = check(tool, Map.of("url", base + "/broken"));

        assertThat(result.ok()).isFalse();
        assertThat(result.text())
                .startsWith("DOWN " + base + "/broken: status 503 (expected 200)")
                .contains("body: maintenance xxx")
                .endsWith("x...");
        String body = result.text().substring(result.text().indexOf("body: ") + 6);
        assertThat(body).hasSize(203);
    }

    @Test
    void anExpectedNonOkStatusCountsAsUp() {
        HealthCheckTool tool = new HealthCheckTool(HouseConfigs.of(Map.of()));

        ToolResult result = check(tool, Map.of("url", base + "/broken", "expect_status", "503"));

        assertThat(result.ok()).isTrue();
        assertThat(result.text()).startsWith("UP ");
    }

    @Test
    void aDisallowedHostIsRefusedBeforeConnecting() {
        HealthCheckTool tool =
                new HealthCheckTool(HouseConfigs.of(Map.of("house.http.allowed-hosts", "*.example.org,localhost")));

        ToolResult result = check(tool, Map.of("url", base + "/health"));

        assertThat(result.ok()).isFalse();
        assertThat(result.text())
                .contains("host '127.0.0.1' is not in house.http.allowed-hosts (*.example.org, localhost)")
                .contains("nothing was sent");
        assertThat(requests).hasValue(0);
    }

    @Test
    void aRefusedConnectionIsAnAnswerSayingDown() {
        server.stop(0);
        HealthCheckTool tool = new HealthCheckTool(new HostAllowList(List.of("127.0.0.1")), Duration.ofSeconds(2));

        ToolResult result = check(tool, Map.of("url", base + "/health"));

        assertThat(result.ok()).isFalse();
        assertThat(result.text()).startsWith("DOWN " + base + "/health: connection refused");
    }

    @Test
    void badInputIsExplained() {
        HealthCheckTool tool = new HealthCheckTool(HouseConfigs.of(Map.of()));

        assertThat(check(tool, Map.of("url", "ftp://localhost/x")).text())
                .contains("is not an absolute http:// or https:// URL");
        assertThat(check(tool, Map.of("url", "not a url")).text()).contains("is not an absolute");
        assertThat(check(tool, Map.of("url", base + "/health", "expect_status", "42"))
                        .text())
                .contains("expect_status must be an HTTP status (100-599), got 42");
        assertThat(requests).hasValue(0);
    }

    @Test
    void targetIsTheHost() {
        HealthCheckTool tool = new HealthCheckTool(HouseConfigs.of(Map.of()));

        assertThat(tool.target(new ToolCall("health_check", Map.of("url", "https://status.example.org:8443/h"))))
                .contains("status.example.org");
        assertThat(tool.readOnly()).isTrue();
    }
}

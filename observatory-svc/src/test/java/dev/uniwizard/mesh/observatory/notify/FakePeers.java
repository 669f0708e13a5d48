package dev.uniwizard.mesh.observatory.notify;

import dev.uniwizard.mesh.testkit.platforms.RecordedRequest;
import dev.uniwizard.mesh.testkit.platforms.RecordingHttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The observatory's HTTP peers for the alerting, SLO and digest tests, on real ports: a webhook receiver
 * ({@code POST /hook} answers 200, {@code POST /broken} always 500) and a service's Prometheus endpoint
 * ({@code GET /q/metrics}, serving {@link #metrics}, or 503 while that is null). Configures the observatory to use them,
 * with two chats, short alerting intervals and only its own service expected (so no other service alerts).
 */
public class FakePeers implements QuarkusTestResourceLifecycleManager {

    public static final String TELEGRAM_CHAT = "4242";
    public static final String SLACK_CHAT = "C0ALERTS";
    public static final String SLACK_THREAD = "1700000000.000100";

    /** The Prometheus text {@code /q/metrics} serves; null answers 503. */
    public static final AtomicReference<String> metrics = new AtomicReference<>();

    private static volatile Peers peers;

    /** The running peers. */
    public static Peers peers() {
        if (peers == null) {
            throw new IllegalStateException("FakePeers has not started");
        }
        return peers;
    }

    @Override
    public Map<String, String> start() {
        peers = new Peers();
        Map<String, String> config = new HashMap<>();
        config.put("observatory.notify.webhooks", peers.url() + "/hook," + peers.url() + "/broken");
        config.put(
                "observatory.notify.chats", "telegram:" + TELEGRAM_CHAT + ",slack:" + SLACK_CHAT + ":" + SLACK_THREAD);
        config.put("observatory.notify.webhook.attempts", "2");
        config.put("observatory.alerts.for", "0s");
        config.put("observatory.alerts.group-by", "kind,target");
        config.put("observatory.alerts.group-wait", "0s");
        config.put("observatory.alerts.group-interval", "1s");
        config.put("observatory.alerts.repeat-interval", "1h");
        config.put("observatory.expected-services", "observatory");
        config.put("observatory.slo.uptime", "gateway=99.5,router=99");
        config.put("observatory.slo.max-gap", "90s");
        config.put("observatory.slo.latency.gateway-request.url", peers.url() + "/q/metrics");
        config.put("observatory.slo.latency.gateway-request.metric", "mesh_gateway_request_seconds");
        config.put("observatory.slo.latency.gateway-request.objective", "1s");
        config.put("observatory.slo.latency.gateway-request.labels", "outcome!=rejected");
        return config;
    }

    @Override
    public void stop() {
        if (peers != null) {
            peers.close();
        }
    }

    /** The fake webhook receiver and metrics endpoint. */
    public static final class Peers extends RecordingHttpServer {

        Peers() {
            super("observatory-peers");
            route("POST", "/hook", request -> Answer.json(200, "{}"));
            route("POST", "/broken", request -> Answer.json(500, "{\"error\":\"receiver is down\"}"));
            route("GET", "/q/metrics", request -> {
                String text = metrics.get();
                return text == null
                        ? Answer.json(503, "{\"error\":\"starting\"}")
                        : new Answer(200, "text/plain; version=0.0.4; charset=utf-8", text, Map.of());
            });
        }

        /** The webhook POSTs received on {@code path}. */
        public List<RecordedRequest> posts(String path) {
            return requests("POST", path);
        }
    }
}

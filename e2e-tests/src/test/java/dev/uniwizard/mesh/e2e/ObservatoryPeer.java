package dev.uniwizard.mesh.e2e;

import dev.uniwizard.mesh.testkit.platforms.RecordedRequest;
import dev.uniwizard.mesh.testkit.platforms.RecordingHttpServer;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the observatory talks to in the end-to-end test: a service it probes ({@code GET /health}, answering whatever
 * status the test sets) and an alert webhook ({@code POST /hook}, recording the notifications).
 */
final class ObservatoryPeer extends RecordingHttpServer {

    private final AtomicInteger healthStatus = new AtomicInteger(200);

    ObservatoryPeer() {
        super("observatory-peer");
        route("GET", "/health", request -> Answer.json(healthStatus.get(), "{\"status\":" + healthStatus.get() + "}"));
        route("POST", "/hook", request -> Answer.json(200, "{}"));
    }

    String probeUrl() {
        return url() + "/health";
    }

    String webhookUrl() {
        return url() + "/hook";
    }

    void answerHealth(int status) {
        healthStatus.set(status);
    }

    List<RecordedRequest> notifications() {
        return requests("POST", "/hook");
    }
}

package dev.uniwizard.mesh.observatory.probes;

import dev.uniwizard.mesh.testkit.platforms.RecordingHttpServer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * An HTTP endpoint for probes: {@code GET /ok} answers 200, {@code /broken} 500, {@code /slow} 200 after
 * {@link #SLOW_MILLIS} ms (a slow peer, simulated on the server's side) and {@code /hang} 200 after 10 s.
 */
public final class FakeProbeTarget extends RecordingHttpServer {

    static final long SLOW_MILLIS = 150;

    public FakeProbeTarget() {
        super("probe-target");
        route("GET", "/ok", request -> Answer.json(200, "{\"status\":\"ok\"}"));
        route("GET", "/broken", request -> Answer.json(500, "{\"status\":\"broken\"}"));
        route("GET", "/slow", request -> {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(SLOW_MILLIS));
            return Answer.json(200, "{\"status\":\"slow\"}");
        });
        route("GET", "/hang", request -> {
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(10));
            return Answer.json(200, "{}");
        });
    }
}

package dev.uniwizard.mesh.observatory.probes;

import dev.uniwizard.mesh.core.observatory.CheckKinds;
import dev.uniwizard.mesh.core.observatory.CheckResult;
import dev.uniwizard.mesh.core.observatory.CheckState;
import dev.uniwizard.mesh.observatory.checks.Check;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Instant;
import java.util.List;

/**
 * {@code probe:<name>}: GETs a configured URL. Critical when it answers another status than expected, cannot be
 * reached or does not answer within the probe's timeout, or answers slower than the critical latency; warn when slower
 * than the warn latency. Value: the latency in ms.
 */
public final class HttpProbeCheck implements Check {

    private final HttpClient http;
    private final ProbeSpec spec;

    public HttpProbeCheck(HttpClient http, ProbeSpec spec) {
        this.http = http;
        this.spec = spec;
    }

    @Override
    public String kind() {
        return CheckKinds.PROBE;
    }

    @Override
    public String target() {
        return spec.name();
    }

    @Override
    public List<CheckResult> run(Instant at) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(spec.url())
                .timeout(spec.timeout())
                .header("User-Agent", "uni-wizard-observatory")
                .GET()
                .build();
        long start = System.nanoTime();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (HttpTimeoutException e) {
            return result(
                    CheckState.CRITICAL,
                    null,
                    "GET " + spec.shown() + " got no answer within "
                            + Describe.millis(spec.timeout().toMillis()),
                    at);
        } catch (IOException e) {
            return result(CheckState.CRITICAL, null, "GET " + spec.shown() + " failed: " + Describe.failure(e), at);
        }
        double millis = (System.nanoTime() - start) / 1_000_000.0;
        String answered = "GET " + spec.shown() + " answered " + status + " in " + Describe.millis(millis);
        if (status != spec.expectStatus()) {
            return result(CheckState.CRITICAL, millis, answered + ", expected " + spec.expectStatus(), at);
        }
        CheckState state = spec.latency().judge(millis);
        String limits = " (warn at " + Describe.millis(spec.latency().warn()) + ", critical at "
                + Describe.millis(spec.latency().critical()) + ")";
        return result(state, millis, answered + limits, at);
    }

    private List<CheckResult> result(CheckState state, Double millis, String message, Instant at) {
        return List.of(CheckResult.of(kind(), target(), state, millis, millis == null ? null : "ms", message, at));
    }
}

package dev.uniwizard.mesh.gateway.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Times every platform webhook ({@code /webhooks/<platform>/...}) from receipt to answer in
 * {@code mesh.gateway.webhook.handling{platform,status}} (status: the HTTP status class, e.g. {@code 2xx}): the
 * latency the platforms see and the observatory's webhook-handling SLO reads. Rejected calls are timed too; their
 * counts by reason stay in {@code mesh.gateway.webhook}.
 */
public class WebhookTiming {

    public static final String METRIC = "mesh.gateway.webhook.handling";
    private static final String PREFIX = "webhooks/";
    private static final String STARTED = WebhookTiming.class.getName() + ".started";

    private final MeterRegistry registry;

    public WebhookTiming(MeterRegistry registry) {
        this.registry = registry;
    }

    @ServerRequestFilter(preMatching = true)
    public void start(ContainerRequestContext request) {
        if (platform(request) != null) {
            request.setProperty(STARTED, System.nanoTime());
        }
    }

    @ServerResponseFilter
    public void stop(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(STARTED) instanceof Long started)) {
            return;
        }
        Timer.builder(METRIC)
                .description("Platform webhooks, from receipt to answer")
                .tag("platform", platform(request))
                .tag("status", response.getStatus() / 100 + "xx")
                .register(registry)
                .record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** The platform a webhook path names, or null for other paths. */
    static String platform(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        String relative = path.startsWith("/") ? path.substring(1) : path;
        if (!relative.startsWith(PREFIX)) {
            return null;
        }
        String rest = relative.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        String platform = slash < 0 ? rest : rest.substring(0, slash);
        return platform.matches("[a-z0-9_-]{1,32}") ? platform : "other";
    }
}

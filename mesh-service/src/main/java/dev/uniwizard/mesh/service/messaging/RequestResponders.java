package dev.uniwizard.mesh.service.messaging;

import dev.uniwizard.mesh.service.tracing.NatsTracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Connection;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Starts a service's {@link RequestResponder}s on the service's NATS connection, and closes them at shutdown (no
 * further requests taken, running ones given 10 s).
 */
@Singleton
public class RequestResponders {

    private final Connection connection;
    private final EnvelopePublisher publisher;
    private final NatsTracing tracing;
    private final MeterRegistry registry;
    private final List<RequestResponder> started = new CopyOnWriteArrayList<>();

    public RequestResponders(
            Connection connection, EnvelopePublisher publisher, NatsTracing tracing, MeterRegistry registry) {
        this.connection = connection;
        this.publisher = publisher;
        this.tracing = tracing;
        this.registry = registry;
    }

    /** See {@link RequestResponder#start}. */
    public RequestResponder start(
            String name,
            Map<String, String> subjectsByOp,
            String queueGroup,
            int maxInFlight,
            RequestResponder.Handler handler) {
        RequestResponder responder = RequestResponder.start(
                name, subjectsByOp, queueGroup, maxInFlight, handler, connection, publisher, tracing, registry);
        started.add(responder);
        return responder;
    }

    @PreDestroy
    void stop() {
        started.forEach(RequestResponder::close);
    }
}

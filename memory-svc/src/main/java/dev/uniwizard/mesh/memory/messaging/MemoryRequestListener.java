package dev.uniwizard.mesh.memory.messaging;

import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.memory.config.MemoryConfig;
import dev.uniwizard.mesh.service.messaging.RequestResponders;
import dev.uniwizard.mesh.service.nats.StreamProvisioning;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Answers memory requests on {@code <root>.memory.append} and {@code <root>.memory.history}. Every replica joins the
 * queue group {@value #QUEUE_GROUP}; at most {@code memory.max-in-flight} requests run at a time (see
 * {@link dev.uniwizard.mesh.service.messaging.RequestResponder}).
 */
@Startup(100)
@Singleton
public class MemoryRequestListener {

    static final String QUEUE_GROUP = "memory-svc";

    private final RequestResponders responders;
    private final Subjects subjects;
    private final MemoryRequestHandler handler;
    private final MemoryConfig config;

    public MemoryRequestListener(
            StreamProvisioning provisioned,
            RequestResponders responders,
            Subjects subjects,
            MemoryRequestHandler handler,
            MemoryConfig config) {
        this.responders = responders;
        this.subjects = subjects;
        this.handler = handler;
        this.config = config;
    }

    @PostConstruct
    void start() {
        responders.start(
                "memory",
                Map.of(
                        Subjects.MEMORY_APPEND, subjects.memory(Subjects.MEMORY_APPEND),
                        Subjects.MEMORY_HISTORY, subjects.memory(Subjects.MEMORY_HISTORY)),
                QUEUE_GROUP,
                config.maxInFlight(),
                handler);
    }
}

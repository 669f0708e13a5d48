package dev.uniwizard.mesh.memory.messaging;

import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.memory.config.MemoryConfig;
import dev.uniwizard.mesh.service.messaging.RequestResponders;
import dev.uniwizard.mesh.service.nats.StreamProvisioning;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers memory requests on {@code <root>.memory.<op>} for every op of {@link #OPS}: storing and reading
 * conversations, full-text search, and project memory (promote, list, expire, markers). Every replica joins the queue
 * group {@value #QUEUE_GROUP}; at most {@code memory.max-in-flight} requests run at a time (see
 * {@link dev.uniwizard.mesh.service.messaging.RequestResponder}).
 */
@Startup(100)
@Singleton
public class MemoryRequestListener {

    static final String QUEUE_GROUP = "memory-svc";

    static final List<String> OPS = List.of(
            Subjects.MEMORY_APPEND,
            Subjects.MEMORY_HISTORY,
            Subjects.MEMORY_SEARCH,
            Subjects.MEMORY_PROMOTE,
            Subjects.MEMORY_LIST,
            Subjects.MEMORY_EXPIRE,
            Subjects.MEMORY_MARKERS);

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
        Map<String, String> subjectsByOp = new LinkedHashMap<>();
        OPS.forEach(op -> subjectsByOp.put(op, subjects.memory(op)));
        responders.start("memory", subjectsByOp, QUEUE_GROUP, config.maxInFlight(), handler);
    }
}

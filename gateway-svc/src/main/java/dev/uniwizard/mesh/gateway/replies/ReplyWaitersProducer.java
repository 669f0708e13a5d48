package dev.uniwizard.mesh.gateway.replies;

import dev.uniwizard.mesh.gateway.config.GatewayConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** One registry of waiting requests per gateway, its size exported as {@code mesh.gateway.waiting}. */
public class ReplyWaitersProducer {

    @Produces
    @Singleton
    ReplyWaiters replyWaiters(GatewayConfig config, MeterRegistry registry) {
        ReplyWaiters waiters = new ReplyWaiters(config.maxPendingReplies());
        Gauge.builder("mesh.gateway.waiting", waiters, ReplyWaiters::size)
                .description("HTTP requests waiting for their reply")
                .register(registry);
        return waiters;
    }
}

package dev.uniwizard.mesh.service.tracing;

import io.nats.client.impl.Headers;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** W3C trace context across NATS: written into message headers when publishing, read back when consuming. */
@Singleton
public class NatsTracing {

    public static final String TRACEPARENT = "traceparent";

    private static final TextMapSetter<Headers> SETTER = (headers, key, value) -> headers.put(key, value);
    private static final TextMapGetter<Headers> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            return headers.keySet();
        }

        @Override
        public String get(Headers headers, String key) {
            if (headers == null) {
                return null;
            }
            List<String> values = headers.get(key);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    };

    private final OpenTelemetry openTelemetry;
    private final Tracer tracer;

    public NatsTracing(OpenTelemetry openTelemetry) {
        this.openTelemetry = openTelemetry;
        this.tracer = openTelemetry.getTracer("uni-wizard-mesh");
    }

    /** Adds the current trace context to outgoing headers. */
    public void inject(Headers headers) {
        openTelemetry.getPropagators().getTextMapPropagator().inject(Context.current(), headers, SETTER);
    }

    /** The current span's {@code traceparent}, for the envelope field; null without an active trace. */
    public String currentTraceparent() {
        Map<String, String> carrier = new HashMap<>();
        openTelemetry.getPropagators().getTextMapPropagator().inject(Context.current(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** Starts a consumer span whose parent is the trace context carried in the message headers. */
    public Span startConsumerSpan(String name, Headers headers) {
        Context parent = openTelemetry.getPropagators().getTextMapPropagator().extract(Context.root(), headers, GETTER);
        return tracer.spanBuilder(name)
                .setSpanKind(SpanKind.CONSUMER)
                .setParent(parent)
                .startSpan();
    }

    /** Starts an internal or producer span under the current context. */
    public Span startSpan(String name, SpanKind kind) {
        return tracer.spanBuilder(name).setSpanKind(kind).startSpan();
    }
}

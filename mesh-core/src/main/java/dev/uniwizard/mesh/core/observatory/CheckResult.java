package dev.uniwizard.mesh.core.observatory;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One check's outcome at one time.
 *
 * @param id stable identity, {@code <kind>:<target>} (e.g. {@code service:gateway}, {@code instance:gateway-1},
 *     {@code disk:gateway-1}, {@code nats:server}, {@code postgres:mesh}, {@code probe:gitea}, {@code inbox:ezra},
 *     {@code approvals:timmy}, {@code login:ezra}, {@code version:ezra})
 * @param kind what is checked, see {@link CheckKinds}
 * @param target what it is checked on (a service, instance, house, probe name)
 * @param state ok, warn, critical or error
 * @param value the measured number, or null (e.g. 0.93 for disk, 412 for latency in ms, 17 for an inbox depth)
 * @param unit the value's unit: {@code ratio}, {@code ms}, {@code messages}, {@code requests}, {@code seconds}, or null
 * @param message a sentence for operators saying what was seen and against which threshold
 * @param at when it was checked
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckResult(
        String id,
        String kind,
        String target,
        CheckState state,
        Double value,
        String unit,
        String message,
        Instant at) {

    public static CheckResult of(
            String kind, String target, CheckState state, Double value, String unit, String message, Instant at) {
        return new CheckResult(kind + ":" + target, kind, target, state, value, unit, message, at);
    }
}

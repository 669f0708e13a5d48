package dev.uniwizard.mesh.core.observatory;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A service's availability over the SLO window, from the observatory's {@code service:<name>} check snapshots: time
 * between two snapshots counts as down when the earlier one was not ok. Time with no snapshot (observatory down) is
 * not counted either way and reported as {@code unobservedSeconds}.
 *
 * @param service the service
 * @param targetPercent the objective, e.g. 99.5
 * @param percent measured availability, or null with no observation
 * @param observedSeconds time covered by snapshots
 * @param downSeconds of which down
 * @param unobservedSeconds time of the window without snapshots
 * @param budgetSeconds allowed downtime over the observed time ({@code (100 - target)%} of it)
 * @param budgetRemainingPercent {@code 100 * (1 - down / budget)}; negative when overspent
 * @param met whether {@code percent >= targetPercent}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UptimeSlo(
        String service,
        double targetPercent,
        Double percent,
        long observedSeconds,
        long downSeconds,
        long unobservedSeconds,
        double budgetSeconds,
        Double budgetRemainingPercent,
        Boolean met) {}

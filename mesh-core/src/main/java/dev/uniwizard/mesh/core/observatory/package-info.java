/**
 * What the observatory answers and publishes: check results, house state events, alert notifications, SLO reports,
 * the daily digest and per-agent stats. Used by observatory-svc, the wizard CLI and tests.
 */
package dev.uniwizard.mesh.core.observatory;

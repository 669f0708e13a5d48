package dev.uniwizard.mesh.observatory.houses;

import java.time.Instant;

/**
 * A house's last known state, one row of {@code house_states}.
 *
 * @param login the last {@code logged_in} or {@code needs_login} seen (other login states change nothing), or null
 * @param version the last version seen
 * @param upToDate whether that version was the expected one
 */
public record HouseStateRow(String house, String login, String version, boolean upToDate, Instant updatedAt) {}

package dev.uniwizard.mesh.core.payload;

/**
 * What a house adds to its heartbeat.
 *
 * @param mode the house's configured mode ({@code simple}, {@code intelligent}, {@code sovereign})
 * @param login whether the house can use its model: {@link #LOGGED_IN} (the model endpoint accepted its credentials at
 *     {@code loginCheckedAt}), {@link #NEEDS_LOGIN} (it answered 401/403), {@link #UNKNOWN} (not checked yet, or the
 *     endpoint could not be reached), {@link #NOT_REQUIRED} (SIMPLE mode, no model)
 * @param loginDetail a sentence for operators about the last check
 * @param loginCheckedAt when the credentials were last checked, or null
 * @param pendingApprovals approval requests waiting for a decision (only the approval authority, Timmy, reports it)
 */
public record HouseFacts(
        String mode, String login, String loginDetail, java.time.Instant loginCheckedAt, Integer pendingApprovals) {

    public static final String LOGGED_IN = "logged_in";
    public static final String NEEDS_LOGIN = "needs_login";
    public static final String UNKNOWN = "unknown";
    public static final String NOT_REQUIRED = "not_required";
}

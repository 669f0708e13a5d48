package dev.uniwizard.mesh.gateway.api;

import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.platform.Platforms;
import java.time.Duration;
import java.util.regex.Pattern;

/** Validation of the inputs that come in outside the JSON body: path ids, headers, query parameters. */
public final class Inputs {

    /** The platform name of everything that comes in over this HTTP API. */
    public static final String PLATFORM = Platforms.HTTP;

    /** Who an unnamed caller is. */
    public static final String DEFAULT_OPERATOR = "http-api";

    public static final int MAX_CONVERSATION_ID = 128;
    public static final int MAX_OPERATOR = 64;

    private static final Pattern CONVERSATION_ID = Pattern.compile("[A-Za-z0-9._:-]+");
    private static final Pattern OPERATOR = Pattern.compile("[A-Za-z0-9._@:-]+");

    private Inputs() {}

    public static String requireConversationId(String id) {
        if (id == null || id.isEmpty()) {
            throw ApiException.badRequest("bad_conversation_id", "the conversation id must not be empty");
        }
        if (id.length() > MAX_CONVERSATION_ID) {
            throw ApiException.badRequest(
                    "bad_conversation_id",
                    "the conversation id has " + id.length() + " characters; at most " + MAX_CONVERSATION_ID
                            + " are allowed");
        }
        if (!CONVERSATION_ID.matcher(id).matches()) {
            throw ApiException.badRequest(
                    "bad_conversation_id",
                    "conversation id '" + id + "' may hold only letters, digits, '.', '_', ':' and '-'");
        }
        return id;
    }

    /**
     * The sender of an HTTP request, named by the {@code X-Operator} header. The header is taken on trust for now:
     * operator authentication comes with a later issue and will replace this.
     */
    public static Sender sender(String operatorHeader) {
        String operator = operatorHeader == null || operatorHeader.isBlank() ? DEFAULT_OPERATOR : operatorHeader.trim();
        if (operator.length() > MAX_OPERATOR || !OPERATOR.matcher(operator).matches()) {
            throw ApiException.badRequest(
                    "bad_operator",
                    "the X-Operator header must be 1-" + MAX_OPERATOR + " letters, digits, '.', '_', '@', ':' or '-'");
        }
        return new Sender(PLATFORM, operator, operator);
    }

    /** The reply wait a caller asked for with {@code ?wait=<seconds>}, or the default. */
    public static Duration replyWait(String wait, Duration defaultWait, Duration maxWait) {
        if (wait == null) {
            return defaultWait;
        }
        long seconds;
        try {
            seconds = Long.parseLong(wait.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("bad_wait", "'wait' must be a whole number of seconds, got '" + wait + "'");
        }
        if (seconds < 0 || seconds > maxWait.toSeconds()) {
            throw ApiException.badRequest(
                    "bad_wait", "'wait' must be between 0 and " + maxWait.toSeconds() + " seconds, got " + seconds);
        }
        return Duration.ofSeconds(seconds);
    }

    /** The {@code ?limit=} of a history read. */
    public static int limit(String limit, int defaultLimit, int maxLimit) {
        if (limit == null) {
            return defaultLimit;
        }
        int value;
        try {
            value = Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("bad_limit", "'limit' must be a whole number, got '" + limit + "'");
        }
        if (value < 1 || value > maxLimit) {
            throw ApiException.badRequest("bad_limit", "'limit' must be between 1 and " + maxLimit + ", got " + value);
        }
        return value;
    }
}

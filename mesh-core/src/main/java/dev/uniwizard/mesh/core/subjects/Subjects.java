package dev.uniwizard.mesh.core.subjects;

import java.util.regex.Pattern;

/**
 * Every NATS subject of the mesh, under one configurable root ({@code mesh} in production; tests use their own root so
 * runs never meet). Tokens that come from outside (platforms, houses, services) are validated so that no input can
 * inject a wildcard or an extra level.
 */
public final class Subjects {

    public static final String DEFAULT_ROOT = "mesh";
    private static final Pattern TOKEN = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Pattern ROOT = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");

    /** Memory service operations (request-reply). */
    public static final String MEMORY_APPEND = "append";

    public static final String MEMORY_HISTORY = "history";

    /** Full-text search ({@link dev.uniwizard.mesh.core.memory.MemorySearchRequest}). */
    public static final String MEMORY_SEARCH = "search";

    /** Project memory: promote, list, expire, and the markers for prompts. */
    public static final String MEMORY_PROMOTE = "promote";

    public static final String MEMORY_LIST = "list";

    public static final String MEMORY_EXPIRE = "expire";

    public static final String MEMORY_MARKERS = "markers";

    /** Event types published on {@link #events(String)}. */
    public static final String EVENT_SECURITY = "security";

    public static final String EVENT_DEAD_LETTER = "deadletter";

    /** Every tool call a house decided on ({@link dev.uniwizard.mesh.core.payload.ToolCallEvent}). */
    public static final String EVENT_TOOL_CALL = "toolcall";

    /** Approval requests recorded and decided (audit copy of {@link #approvalDecided(String)}). */
    public static final String EVENT_APPROVAL = "approval";

    /**
     * The gateway's outcome of every reply it delivered to a platform or gave up on
     * ({@link dev.uniwizard.mesh.core.payload.DeliveryEventPayload}).
     */
    public static final String EVENT_DELIVERY = "delivery";

    /** A house answered a task ({@link dev.uniwizard.mesh.core.payload.TurnEvent}). */
    public static final String EVENT_TURN = "turn";

    /**
     * A house's login or version state changed, as the observatory saw it
     * ({@link dev.uniwizard.mesh.core.observatory.HouseStateEvent}).
     */
    public static final String EVENT_HOUSE_STATE = "housestate";

    /** A notification the observatory sent ({@link dev.uniwizard.mesh.core.observatory.AlertNotification}). */
    public static final String EVENT_ALERT = "alert";

    /** Approval authority operations (request-reply, answered by Timmy). */
    public static final String APPROVAL_REQUEST = "request";

    public static final String APPROVAL_STATUS = "status";

    private final String root;

    public Subjects(String root) {
        if (root == null || !ROOT.matcher(root).matches()) {
            throw new IllegalArgumentException(
                    "subject root '" + root + "' must be dot-separated tokens of letters, digits, '_' or '-'");
        }
        this.root = root;
    }

    public static Subjects defaults() {
        return new Subjects(DEFAULT_ROOT);
    }

    public String root() {
        return root;
    }

    /** Inbound messages from a platform adapter: {@code <root>.in.<platform>}. */
    public String in(String platform) {
        return root + ".in." + token(platform, "platform");
    }

    public String inAll() {
        return root + ".in.>";
    }

    /** Work for a house: {@code <root>.task.<house>}. */
    public String task(String house) {
        return root + ".task." + token(house, "house");
    }

    public String taskAll() {
        return root + ".task.>";
    }

    /** Replies to deliver on a platform: {@code <root>.out.<platform>}. */
    public String out(String platform) {
        return root + ".out." + token(platform, "platform");
    }

    public String outAll() {
        return root + ".out.>";
    }

    /** Memory service request-reply: {@code <root>.memory.<op>}. */
    public String memory(String op) {
        return root + ".memory." + token(op, "memory operation");
    }

    /** Approval authority request-reply: {@code <root>.approval.<op>} ({@link #APPROVAL_REQUEST}, {@link #APPROVAL_STATUS}). */
    public String approval(String op) {
        return root + ".approval." + token(op, "approval operation");
    }

    /** Decisions for a house's approval requests, as they are made: {@code <root>.approval.decided.<house>}. */
    public String approvalDecided(String house) {
        return root + ".approval.decided." + token(house, "house");
    }

    /** Heartbeats: {@code <root>.health.<service>}. */
    public String health(String service) {
        return root + ".health." + token(service, "service");
    }

    public String healthAll() {
        return root + ".health.>";
    }

    /** Events: {@code <root>.events.<type>}. */
    public String events(String type) {
        return root + ".events." + token(type, "event type");
    }

    public String eventsAll() {
        return root + ".events.>";
    }

    /** The last token of a subject, e.g. the platform of {@code mesh.in.http}. */
    public static String lastToken(String subject) {
        return subject.substring(subject.lastIndexOf('.') + 1);
    }

    /** True for names usable as one subject token (houses, platforms, services). */
    public static boolean isToken(String value) {
        return value != null && TOKEN.matcher(value).matches();
    }

    private static String token(String value, String what) {
        if (!isToken(value)) {
            throw new IllegalArgumentException(
                    what + " '" + value
                            + "' is not a valid name: use 1-64 lower-case letters, digits, '_' or '-', starting with a letter or digit");
        }
        return value;
    }
}

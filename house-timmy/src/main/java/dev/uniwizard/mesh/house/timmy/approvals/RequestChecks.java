package dev.uniwizard.mesh.house.timmy.approvals;

import dev.uniwizard.mesh.core.approval.ApprovalRequest;
import dev.uniwizard.mesh.core.approval.ArgumentsDigest;
import dev.uniwizard.mesh.core.subjects.Subjects;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The shape of what houses send: every field an approval needs is there and well formed, and the digest is the
 * digest of the arguments. Each check answers the first problem it finds, in words the sender can act on.
 */
public final class RequestChecks {

    public static final int MAX_ID_LENGTH = 128;
    public static final int MAX_TOOL_LENGTH = 128;
    public static final int MAX_REASON_LENGTH = 4000;

    private static final Pattern APPROVAL_ID = Pattern.compile("[A-Za-z0-9._:-]+");
    private static final Pattern TOOL = Pattern.compile("[A-Za-z0-9_.:-]+");

    private RequestChecks() {}

    /** A problem: its error code and message. */
    public record Problem(String code, String message) {

        static Optional<Problem> badRequest(String message) {
            return Optional.of(new Problem(ApprovalErrors.BAD_REQUEST, message));
        }
    }

    /** The first problem of a request, or empty when it may be recorded. */
    public static Optional<Problem> check(ApprovalRequest request) {
        Optional<Problem> id = approvalId(request.approvalId());
        if (id.isPresent()) {
            return id;
        }
        if (!Subjects.isToken(request.house())) {
            return Problem.badRequest(
                    "house '" + request.house() + "' is not a house name: 1-64 lower-case letters, digits, '_' or '-'");
        }
        if (request.tool() == null
                || request.tool().length() > MAX_TOOL_LENGTH
                || !TOOL.matcher(request.tool()).matches()) {
            return Problem.badRequest("tool '" + request.tool() + "' is not a tool name: 1-" + MAX_TOOL_LENGTH
                    + " letters, digits, '_', '.', ':' or '-'");
        }
        if (request.arguments() == null || !request.arguments().isObject()) {
            return Problem.badRequest("arguments must be a JSON object (use {} for none), got "
                    + (request.arguments() == null
                            ? "nothing"
                            : request.arguments().getNodeType().name().toLowerCase(Locale.ROOT)));
        }
        if (request.argumentsDigest() == null || request.argumentsDigest().isBlank()) {
            return Problem.badRequest("argumentsDigest is missing: send ArgumentsDigest.of(arguments)");
        }
        if (request.reason() != null && request.reason().length() > MAX_REASON_LENGTH) {
            return Problem.badRequest("reason is " + request.reason().length() + " characters long, at most "
                    + MAX_REASON_LENGTH + " are kept");
        }
        if (request.expiresAt() == null) {
            return Problem.badRequest("expiresAt is missing: say until when the house waits for a decision");
        }
        String digest;
        try {
            digest = ArgumentsDigest.of(request.arguments());
        } catch (IllegalArgumentException e) {
            return Problem.badRequest("arguments cannot be digested: " + e.getMessage());
        }
        if (!digest.equals(request.argumentsDigest())) {
            return Optional.of(new Problem(
                    ApprovalErrors.DIGEST_MISMATCH,
                    "argumentsDigest " + request.argumentsDigest() + " is not the digest of the arguments sent ("
                            + digest + ")"));
        }
        return Optional.empty();
    }

    /** Whether an approval id is usable (also in a URL path segment). */
    public static Optional<Problem> approvalId(String id) {
        if (id == null || id.isBlank()) {
            return Problem.badRequest("approvalId is missing");
        }
        if (id.length() > MAX_ID_LENGTH || !APPROVAL_ID.matcher(id).matches()) {
            return Problem.badRequest(
                    "approvalId '" + id + "' must be 1-" + MAX_ID_LENGTH + " letters, digits, '.', '_', ':' or '-'");
        }
        return Optional.empty();
    }
}

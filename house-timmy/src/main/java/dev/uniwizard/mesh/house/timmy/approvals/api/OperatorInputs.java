package dev.uniwizard.mesh.house.timmy.approvals.api;

import dev.uniwizard.mesh.core.approval.ApprovalState;
import dev.uniwizard.mesh.house.timmy.approvals.RequestChecks;
import java.util.Optional;
import java.util.regex.Pattern;

/** Validation of what comes in outside the JSON body: the operator header, path ids and query parameters. */
final class OperatorInputs {

    static final String OPERATOR_HEADER = "X-Operator";
    static final int MAX_OPERATOR = 64;
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    static final String ALL = "all";

    private static final Pattern OPERATOR = Pattern.compile("[A-Za-z0-9._@:-]+");

    private OperatorInputs() {}

    /** Who decides: {@code operator:<name>}, from the required {@code X-Operator} header. */
    static String decider(String header) {
        if (header == null || header.isBlank()) {
            throw ApiException.badRequest(
                    "missing_operator",
                    "say who decides in the " + OPERATOR_HEADER + " header (e.g. X-Operator: alice)");
        }
        String operator = header.strip();
        if (operator.length() > MAX_OPERATOR || !OPERATOR.matcher(operator).matches()) {
            throw ApiException.badRequest(
                    "bad_operator",
                    "the " + OPERATOR_HEADER + " header must be 1-" + MAX_OPERATOR
                            + " letters, digits, '.', '_', '@', ':' or '-'");
        }
        return "operator:" + operator;
    }

    static String approvalId(String id) {
        RequestChecks.approvalId(id).ifPresent(problem -> {
            throw ApiException.badRequest("bad_approval_id", problem.message());
        });
        return id;
    }

    /** {@code ?state=}: one state, or empty for {@code all}; pending when not given. */
    static Optional<ApprovalState> state(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.of(ApprovalState.PENDING);
        }
        if (ALL.equalsIgnoreCase(raw.strip())) {
            return Optional.empty();
        }
        try {
            return Optional.of(ApprovalState.fromWire(raw));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(
                    "bad_state", "state must be pending, approved, denied, expired or all, got '" + raw + "'");
        }
    }

    static int limit(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_LIMIT;
        }
        int limit;
        try {
            limit = Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("bad_limit", "limit must be a whole number, got '" + raw + "'");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badRequest("bad_limit", "limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        return limit;
    }
}

package dev.uniwizard.mesh.house.timmy.approvals.api;

import dev.uniwizard.mesh.core.approval.ApprovalState;
import dev.uniwizard.mesh.house.timmy.approvals.ApprovalAuthority;
import dev.uniwizard.mesh.house.timmy.approvals.OperatorOutcome;
import dev.uniwizard.mesh.house.timmy.approvals.store.ApprovalRecord;
import dev.uniwizard.mesh.house.timmy.approvals.store.ApprovalStore;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;

/**
 * The operator's side of the approval authority: see what houses ask, approve or deny it. Runs on worker threads:
 * every call goes to PostgreSQL. Errors: 400 for bad input, 404 for an unknown id, 409 when the request can no longer be
 * decided as asked (already decided, expired, other arguments than the operator saw).
 */
@Path("/api/v1/approvals")
@Produces(MediaType.APPLICATION_JSON)
public class ApprovalsResource {

    private final ApprovalAuthority authority;
    private final ApprovalStore store;

    public ApprovalsResource(ApprovalAuthority authority, ApprovalStore store) {
        this.authority = authority;
        this.store = store;
    }

    @GET
    public ApprovalListView list(@QueryParam("state") String state, @QueryParam("limit") String limit) {
        Optional<ApprovalState> filter = OperatorInputs.state(state);
        List<ApprovalView> approvals = authority.list(filter, OperatorInputs.limit(limit)).stream()
                .map(ApprovalView::of)
                .toList();
        return new ApprovalListView(
                filter.map(ApprovalState::wireName).orElse(OperatorInputs.ALL), approvals.size(), approvals);
    }

    @GET
    @Path("{id}")
    public ApprovalView get(@PathParam("id") String id) {
        String approvalId = OperatorInputs.approvalId(id);
        ApprovalRecord record = authority.find(approvalId).orElseThrow(() -> notFound(approvalId));
        return ApprovalView.of(record, store.history(approvalId));
    }

    @POST
    @Path("{id}/approve")
    @Consumes(MediaType.WILDCARD)
    public Response approve(
            @PathParam("id") String id, @HeaderParam(OperatorInputs.OPERATOR_HEADER) String operator, String body) {
        return decide(id, ApprovalState.APPROVED, operator, body);
    }

    @POST
    @Path("{id}/deny")
    @Consumes(MediaType.WILDCARD)
    public Response deny(
            @PathParam("id") String id, @HeaderParam(OperatorInputs.OPERATOR_HEADER) String operator, String body) {
        return decide(id, ApprovalState.DENIED, operator, body);
    }

    private Response decide(String id, ApprovalState decision, String operator, String body) {
        String approvalId = OperatorInputs.approvalId(id);
        String decider = OperatorInputs.decider(operator);
        DecisionBody request = DecisionBody.parse(body);
        OperatorOutcome outcome =
                authority.decide(approvalId, decision, decider, request.note(), request.argumentsDigest());
        return switch (outcome) {
            case OperatorOutcome.Decided decided ->
                Response.ok(ApprovalView.of(decided.approval(), store.history(approvalId)))
                        .build();
            case OperatorOutcome.NotFound notFound -> throw notFound(approvalId);
            case OperatorOutcome.Expired expired ->
                throw conflict(
                        "expired",
                        "approval " + approvalId + " expired at "
                                + expired.approval().expiresAt()
                                + " without a decision; the house has been told its call will not run",
                        expired.approval());
            case OperatorOutcome.AlreadyDecided already ->
                throw conflict(
                        "already_decided",
                        "approval " + approvalId + " is already "
                                + already.approval().state().wireName() + " (by "
                                + already.approval().decidedBy() + " at "
                                + already.approval().decidedAt() + ")",
                        already.approval());
            case OperatorOutcome.DigestMismatch mismatch ->
                throw conflict(
                        "digest_mismatch",
                        "approval " + approvalId + " is for arguments "
                                + mismatch.approval().argumentsDigest()
                                + ", not the " + mismatch.seenDigest()
                                + " you decided on: look at the request again",
                        mismatch.approval());
        };
    }

    private static ApiException notFound(String approvalId) {
        return new ApiException(404, new ApiError("not_found", "there is no approval request '" + approvalId + "'"));
    }

    private static ApiException conflict(String code, String message, ApprovalRecord current) {
        return new ApiException(409, new ApiError(code, message, current.state().wireName()));
    }
}

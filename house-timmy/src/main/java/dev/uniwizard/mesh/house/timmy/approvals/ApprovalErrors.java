package dev.uniwizard.mesh.house.timmy.approvals;

import dev.uniwizard.mesh.service.messaging.SignedReplies;
import dev.uniwizard.mesh.service.messaging.VerifiedRequestHandler;

/** The error codes of the approval authority's NATS answers ({@code ErrorPayload.error}) and metrics outcomes. */
public final class ApprovalErrors {

    /** The envelope failed verification (signature, trust, role, freshness, replay). */
    public static final String REJECTED = SignedReplies.REJECTED;

    /** The payload does not fit the operation, or a field is missing or malformed. */
    public static final String BAD_REQUEST = "bad_request";

    /** The request is for another house than the one its envelope names. */
    public static final String HOUSE_MISMATCH = "house_mismatch";

    /** {@code argumentsDigest} is not the digest of {@code arguments} (or not what the operator saw). */
    public static final String DIGEST_MISMATCH = "digest_mismatch";

    /** {@code expiresAt} is in the past or too far in the future. */
    public static final String BAD_EXPIRY = "bad_expiry";

    /** The approval id is taken by a request for another call. */
    public static final String CONFLICT = "conflict";

    /** No request has this approval id. */
    public static final String UNKNOWN_APPROVAL = "unknown_approval";

    public static final String STORE_UNAVAILABLE = VerifiedRequestHandler.STORE_UNAVAILABLE;

    public static final String INTERNAL_ERROR = VerifiedRequestHandler.INTERNAL_ERROR;

    private ApprovalErrors() {}
}

package dev.uniwizard.mesh.core.payload;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Payload of a {@code reply} envelope.
 *
 * @param text what to show the operator
 * @param status {@code ok} or {@code error} for the answer; {@code pending} for an interim notice (e.g. waiting for an
 *     approval, or for the model to come back) that another reply to the same request will follow
 * @param errorCode a stable code when {@code status} is {@code error} (e.g. {@code unknown_house})
 * @param house the house that answered, when a house did
 * @param replyTo where on the platform it goes, copied from the task (see {@link ReplyAddress})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReplyPayload(String text, String status, String errorCode, String house, ReplyAddress replyTo) {

    public static final String OK = "ok";
    public static final String ERROR = "error";
    public static final String PENDING = "pending";

    public ReplyPayload(String text, String status, String errorCode, String house) {
        this(text, status, errorCode, house, null);
    }

    /** This reply, addressed to {@code address} on its platform. */
    public ReplyPayload withReplyTo(ReplyAddress address) {
        return new ReplyPayload(text, status, errorCode, house, address);
    }

    public static ReplyPayload ok(String house, String text) {
        return new ReplyPayload(text, OK, null, house);
    }

    /** An interim notice; the answer follows in another reply with the same correlation id. */
    public static ReplyPayload pending(String house, String text) {
        return new ReplyPayload(text, PENDING, null, house);
    }

    public static ReplyPayload error(String house, String errorCode, String text) {
        return new ReplyPayload(text, ERROR, errorCode, house);
    }
}

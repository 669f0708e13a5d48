package dev.uniwizard.mesh.core.observatory;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A notification as recorded, one per channel it went to: answered by {@code GET /api/v1/alerts}.
 *
 * @param id the record's id
 * @param notificationId the notification's id (shared by its channels)
 * @param groupKey the group
 * @param status {@code firing} or {@code resolved}
 * @param channel {@code webhook}, or the platform name of a gateway delivery (e.g. {@code telegram})
 * @param destination the webhook URL (without credentials) or the chat
 * @param delivered whether the channel accepted it
 * @param error why not, when it did not
 * @param alerts how many alerts it carried
 * @param text the message
 * @param sentAt when it was sent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertRecord(
        long id,
        String notificationId,
        String groupKey,
        String status,
        String channel,
        String destination,
        boolean delivered,
        String error,
        int alerts,
        String text,
        Instant sentAt) {}

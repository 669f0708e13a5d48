package dev.uniwizard.mesh.gateway.gitea;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of a successful answer to a Gitea webhook (Gitea shows it in the webhook's "Recent deliveries").
 *
 * @param status {@code accepted} (published), {@code duplicate} (delivered before) or {@code ignored} (an event the
 *     mesh does not take)
 * @param envelopeId the id of the published webhook envelope, for accepted
 * @param reason why it was ignored
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GiteaWebhookAnswer(String status, String envelopeId, String reason) {

    static GiteaWebhookAnswer accepted(String envelopeId) {
        return new GiteaWebhookAnswer("accepted", envelopeId, null);
    }

    static GiteaWebhookAnswer duplicate() {
        return new GiteaWebhookAnswer("duplicate", null, null);
    }

    static GiteaWebhookAnswer ignored(String reason) {
        return new GiteaWebhookAnswer("ignored", null, reason);
    }
}

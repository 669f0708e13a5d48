package dev.uniwizard.mesh.gateway.gitea;

import dev.uniwizard.mesh.core.payload.ReplyAddress;
import dev.uniwizard.mesh.core.platform.Platforms;
import dev.uniwizard.mesh.gateway.outbound.OutboundReply;
import dev.uniwizard.mesh.gateway.outbound.PlatformDelivery;
import dev.uniwizard.mesh.gateway.outbound.Undeliverable;
import dev.uniwizard.mesh.gitea.GiteaApi;
import dev.uniwizard.mesh.gitea.GiteaApiException;
import dev.uniwizard.mesh.gitea.GiteaRepo;
import dev.uniwizard.mesh.service.messaging.EnvelopeHandler;
import jakarta.inject.Singleton;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * Delivers replies on {@code <root>.out.gitea} as comments on the issue or pull request they answer
 * ({@link ReplyAddress#chat()} = {@code owner/repo}, {@link ReplyAddress#thread()} = its number), written by the
 * mesh's Gitea user ({@code gateway.gitea.token}). The comment starts with the house's name in bold and ends with a
 * hidden marker naming the reply envelope, so a redelivery after a crash finds the comment it already posted instead of
 * posting it twice. Server errors and refused connections are retried; a missing issue or a refused token is not.
 */
@Singleton
public class GiteaDelivery implements PlatformDelivery {

    private static final Logger LOG = Logger.getLogger(GiteaDelivery.class);

    /** How the hidden marker at the end of every reply comment starts: {@code <!-- mesh-reply <envelope id> -->}. */
    public static final String MARKER_PREFIX = "<!-- mesh-reply ";

    private final GiteaSetup setup;

    public GiteaDelivery(GiteaSetup setup) {
        this.setup = setup;
    }

    @Override
    public String platform() {
        return Platforms.GITEA;
    }

    @Override
    public boolean enabled() {
        return setup.enabled() && setup.api().isPresent();
    }

    @Override
    public void deliver(OutboundReply reply, EnvelopeHandler.Delivery delivery) throws Exception {
        GiteaApi api = setup.api()
                .orElseThrow(() -> new Undeliverable(
                        "Gitea replies are not configured (gateway.gitea.base-url and" + " gateway.gitea.token)"));
        ReplyAddress address = reply.address();
        if (address == null || address.chat() == null || address.thread() == null) {
            throw new Undeliverable("the reply has no Gitea address (replyTo.chat = owner/repo, replyTo.thread ="
                    + " issue number): it cannot be posted as a comment");
        }
        GiteaRepo repo;
        try {
            repo = GiteaRepo.parse(address.chat());
        } catch (GiteaApiException e) {
            throw new Undeliverable("replyTo.chat: " + e.getMessage());
        }
        long number = issueNumber(address.thread());
        String text = reply.text();
        if (text.isBlank()) {
            throw new Undeliverable("the reply has no text: Gitea does not take empty comments");
        }
        String marker = marker(reply);
        try {
            if (delivery.attempt() > 1 && alreadyPosted(api, repo, number, marker)) {
                LOG.infof(
                        "reply %s is already a comment on %s#%d; not posting it again",
                        reply.envelope().id(), repo, number);
                return;
            }
            GiteaApi.Created comment = api.comment(repo, number, body(reply, text, marker));
            LOG.debugf("reply %s posted on %s#%d: %s", reply.envelope().id(), repo, number, comment.htmlUrl());
        } catch (GiteaApiException e) {
            if (e.isTransient()) {
                throw e;
            }
            throw new Undeliverable("Gitea refused the comment on " + repo + "#" + number + ": " + e.getMessage());
        }
    }

    /** {@code **Ezra**: <text>} when a house answered, then the hidden marker. */
    static String body(OutboundReply reply, String text, String marker) {
        String house = reply.payload().house();
        String prefix = house == null || house.isBlank() ? "" : "**" + capitalized(house.strip()) + "**: ";
        return prefix + text + "\n\n" + marker;
    }

    private static String marker(OutboundReply reply) {
        return MARKER_PREFIX + reply.envelope().id() + " -->";
    }

    private static boolean alreadyPosted(GiteaApi api, GiteaRepo repo, long number, String marker)
            throws GiteaApiException {
        return api.comments(repo, number).stream().anyMatch(c -> c.body().contains(marker));
    }

    private static long issueNumber(String thread) throws Undeliverable {
        try {
            long number = Long.parseLong(thread.strip());
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new Undeliverable("replyTo.thread '" + thread + "' is not an issue or pull request number");
    }

    private static String capitalized(String name) {
        return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }
}

package dev.uniwizard.mesh.gateway.discord;

/** What an APPLICATION_COMMAND interaction amounts to for the mesh. */
public sealed interface DiscordCommand {

    /**
     * An operator's message, e.g. {@code /ask text:... house:ezra}.
     *
     * @param interactionId the interaction's id: the delivery key
     * @param token the interaction token, for the reply (valid 15 minutes)
     * @param channelId the channel it was sent in
     * @param userId who sent it ({@code member.user.id} in a server, {@code user.id} in a direct message)
     * @param displayName their global name or user name
     * @param text the {@code text} option
     * @param house the {@code house} option, lower case, or null
     */
    record Message(
            String interactionId,
            String token,
            String channelId,
            String userId,
            String displayName,
            String text,
            String house)
            implements DiscordCommand {

        /** The mesh conversation: {@code discord:<channel id>}. */
        public String conversationId() {
            return "discord:" + channelId;
        }
    }

    /**
     * An interaction that cannot be passed on; {@code text} tells the user why (shown only to them).
     *
     * @param reason a stable label for the metric
     * @param text the explanation for the user
     */
    record Invalid(String reason, String text) implements DiscordCommand {}
}

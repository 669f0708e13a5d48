package dev.uniwizard.mesh.gateway.slack;

/** What an {@code event_callback} from Slack amounts to for the mesh. */
public sealed interface SlackEvent {

    /**
     * A person's message to the bot: a {@code message} (no subtype, not from a bot) or an {@code app_mention}.
     *
     * @param eventId Slack's event_id, the same in retries: the delivery key
     * @param userId who wrote it (e.g. {@code U2CERLKJA})
     * @param channel the channel id (e.g. {@code C024BE91L}, {@code D...} for a direct message)
     * @param ts the message's ts
     * @param threadTs the thread it was written in, or null when not in a thread
     * @param text the words, with a leading mention of the bot removed and Slack's escapes undone
     */
    record Message(String eventId, String userId, String channel, String ts, String threadTs, String text)
            implements SlackEvent {

        /**
         * The mesh conversation is the Slack thread the reply goes into: {@code slack:<channel>:<thread ts>}, so a
         * top-level message and the follow-ups in the thread the reply opens under it are one conversation. A direct
         * message outside a thread is answered in the DM itself: {@code slack:<channel>}.
         */
        public String conversationId() {
            String thread = replyThread();
            return "slack:" + channel + (thread == null ? "" : ":" + thread);
        }

        /**
         * The thread the reply goes into: the message's thread, or a new thread under a channel message; none for a
         * direct message outside a thread (DM channel ids start with {@code D}).
         */
        public String replyThread() {
            if (threadTs != null) {
                return threadTs;
            }
            return channel != null && channel.startsWith("D") ? null : ts;
        }
    }

    /**
     * Nothing for the mesh (a bot's message, an edit, an event type not handled...).
     *
     * @param reason a stable label for the metric, e.g. {@code bot_message}
     * @param detail what it was, for the debug log
     */
    record Ignored(String reason, String detail) implements SlackEvent {}
}

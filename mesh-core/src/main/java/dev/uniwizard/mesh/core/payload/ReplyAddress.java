package dev.uniwizard.mesh.core.payload;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where on its platform a reply goes, carried from the message through the task to the reply so that any gateway
 * replica (or the scheduler, for a job's delivery) can deliver it. What each field holds depends on the platform:
 *
 * <ul>
 *   <li>telegram: {@code chat} = chat id, {@code thread} = message_thread_id (forum topics), {@code inReplyTo} = the
 *       operator's message_id
 *   <li>slack: {@code chat} = channel id, {@code thread} = the thread_ts to answer in
 *   <li>discord: {@code chat} = channel id, {@code token} = the interaction token for the follow-up (valid 15 minutes)
 *   <li>gitea: {@code chat} = {@code owner/repo}, {@code thread} = the issue or pull request number
 * </ul>
 *
 * @param chat the conversation place on the platform
 * @param thread a thread inside it, if any
 * @param inReplyTo the platform's id of the message being answered, if any
 * @param token a platform token needed to answer (Discord interactions), if any
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReplyAddress(String chat, String thread, String inReplyTo, String token) {

    public static ReplyAddress chat(String chat) {
        return new ReplyAddress(chat, null, null, null);
    }
}

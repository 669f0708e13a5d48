package dev.uniwizard.mesh.core.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where the house's answer to a firing is delivered, as a {@link dev.uniwizard.mesh.core.payload.ReplyAddress} on a
 * platform.
 *
 * @param platform e.g. {@code telegram}, {@code slack}, {@code discord}, {@code gitea}
 * @param chat the chat, channel or {@code owner/repo}
 * @param thread a thread (Slack thread ts, Telegram topic, Gitea issue number), if any
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobDelivery(String platform, String chat, String thread) {}

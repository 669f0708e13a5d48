package dev.uniwizard.mesh.observatory.notify;

import dev.uniwizard.mesh.core.payload.ReplyAddress;
import dev.uniwizard.mesh.core.subjects.Subjects;

/**
 * A chat that gets notifications as gateway replies on {@code <root>.out.<platform>}.
 *
 * @param platform e.g. {@code telegram}
 * @param chat the chat on the platform (Telegram chat id, Slack channel id, ...)
 * @param thread a thread in it, or null
 */
public record ChatChannel(String platform, String chat, String thread) implements Channel {

    /**
     * Parses {@code platform:chat} or {@code platform:chat:thread} (as in {@code observatory.notify.chats}).
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static ChatChannel parse(String spec) {
        String value = spec == null ? "" : spec.strip();
        String[] parts = value.split(":", 3);
        if (parts.length < 2 || parts[1].isBlank() || (parts.length == 3 && parts[2].isBlank())) {
            throw new IllegalArgumentException("observatory.notify.chats entry '" + value
                    + "' is not platform:chat or platform:chat:thread (e.g. telegram:12345)");
        }
        if (!Subjects.isToken(parts[0])) {
            throw new IllegalArgumentException("observatory.notify.chats entry '" + value + "': platform '" + parts[0]
                    + "' is not a platform name (lower-case letters, digits, '_' or '-')");
        }
        return new ChatChannel(parts[0], parts[1], parts.length == 3 ? parts[2] : null);
    }

    @Override
    public String name() {
        return platform;
    }

    @Override
    public String destination() {
        return thread == null ? chat : chat + ":" + thread;
    }

    /** The reply's address on the platform. */
    public ReplyAddress address() {
        return new ReplyAddress(chat, thread, null, null);
    }
}

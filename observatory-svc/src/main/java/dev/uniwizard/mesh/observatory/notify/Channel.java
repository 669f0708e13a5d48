package dev.uniwizard.mesh.observatory.notify;

/** Somewhere notifications go: a chat on a platform (through the gateway) or a webhook. */
public sealed interface Channel permits ChatChannel, WebhookChannel {

    /** The {@code channel} of records and metrics: the platform name, or {@code webhook}. */
    String name();

    /** Where on the channel, as recorded and shown: the chat, or the webhook URL without credentials. */
    String destination();
}

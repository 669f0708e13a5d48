package dev.uniwizard.mesh.gateway.replies;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.payload.ReplyPayload;

/** A verified reply envelope and its payload. */
public record Reply(Envelope envelope, ReplyPayload payload) {}

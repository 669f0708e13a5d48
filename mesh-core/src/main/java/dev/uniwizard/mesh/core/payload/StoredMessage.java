package dev.uniwizard.mesh.core.payload;

import dev.uniwizard.mesh.core.envelope.Sender;
import java.time.Instant;

/** A message as memory keeps it. */
public record StoredMessage(
        long seq, String envelopeId, String role, String house, Sender sender, String content, Instant at) {}

package dev.uniwizard.mesh.memory.messaging;

import dev.uniwizard.mesh.core.envelope.Envelope;

/** The signed answer to one request, and the outcome recorded in {@code mesh.memory.requests}. */
record Answer(Envelope envelope, String outcome) {}

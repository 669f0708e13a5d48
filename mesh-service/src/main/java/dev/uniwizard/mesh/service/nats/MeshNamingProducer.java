package dev.uniwizard.mesh.service.nats;

import dev.uniwizard.mesh.core.streams.MeshStreams;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.service.config.MeshConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Subject and stream names for this deployment (production root {@code mesh}; tests use their own). */
public class MeshNamingProducer {

    @Produces
    @Singleton
    Subjects subjects(MeshConfig config) {
        return new Subjects(config.nats().subjectRoot());
    }

    @Produces
    @Singleton
    MeshStreams streams(MeshConfig config, Subjects subjects) {
        MeshConfig.Nats nats = config.nats();
        return new MeshStreams(
                subjects,
                nats.streamPrefix(),
                new MeshStreams.Settings(
                        nats.duplicateWindow(),
                        nats.workMaxAge(),
                        nats.outboundMaxAge(),
                        nats.eventsMaxAge(),
                        nats.streamReplicas()));
    }
}

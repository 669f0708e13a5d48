package dev.uniwizard.mesh.service.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings every mesh service shares, under {@code mesh.*}. */
@ConfigMapping(prefix = "mesh")
public interface MeshConfig {

    /** The service's name, used for heartbeats and metrics (e.g. {@code gateway}). */
    String service();

    /** This instance's node id; its key file and the trust store must agree on it. */
    String nodeId();

    Nats nats();

    Identity identity();

    Heartbeat heartbeat();

    Memory memory();

    /**
     * The houses of the mesh, each a subject token. {@link dev.uniwizard.mesh.service.health.HouseLiveness} watches
     * their heartbeats; services that address houses check names against it.
     */
    @WithDefault("timmy,ezra,bezalel")
    List<String> houses();

    /** When a house counts as down ({@link dev.uniwizard.mesh.service.health.HouseLiveness}). */
    HouseLivenessSettings houseLiveness();

    /** NATS connection, subjects and streams. */
    interface Nats {

        /** Server URL(s), comma-separated for a cluster. */
        @WithDefault("nats://127.0.0.1:4222")
        String url();

        /** How long start-up waits for the first connection before failing. */
        @WithDefault("10s")
        Duration connectTimeout();

        /** Root of every subject; tests set their own. */
        @WithDefault("mesh")
        String subjectRoot();

        /** Prefix of every stream name; tests set their own. */
        @WithDefault("MESH_")
        String streamPrefix();

        /** Whether this service creates or updates the streams at start. */
        @WithDefault("true")
        boolean provisionStreams();

        /** Stream replicas (3 on a three-node JetStream cluster). */
        @WithDefault("1")
        int streamReplicas();

        @WithDefault("2m")
        Duration duplicateWindow();

        @WithDefault("7d")
        Duration workMaxAge();

        @WithDefault("24h")
        Duration outboundMaxAge();

        @WithDefault("7d")
        Duration eventsMaxAge();
    }

    /** This node's key and the keys it trusts. */
    interface Identity {

        /** Path of this node's key file (see {@code wizard keys gen}). */
        Path keyFile();

        /** Path of the trust store JSON file. */
        Path trustStore();

        /** Largest accepted difference between an envelope's timestamp and this node's clock. */
        @WithDefault("5m")
        Duration maxClockSkew();

        /** How often the trust store file is checked for changes. */
        @WithDefault("5s")
        Duration trustStoreRecheck();

        /**
         * Development only: generate a key when the key file is missing and add it to the trust store. Off in
         * production, where keys come from {@code wizard keys gen}.
         */
        @WithDefault("false")
        boolean generateIfMissing();

        /** Role written into a generated key; required with {@code generate-if-missing}. */
        Optional<String> role();
    }

    /** Heartbeats on {@code <root>.health.<service>}. */
    interface Heartbeat {

        @WithDefault("true")
        boolean enabled();

        @WithDefault("5s")
        Duration interval();
    }

    /** Talking to memory-svc. */
    interface Memory {

        /** How long a request to memory-svc waits for its answer. */
        @WithDefault("5s")
        Duration requestTimeout();
    }

    /** When a house counts as down, from its heartbeats. */
    interface HouseLivenessSettings {

        /** A house is down after this many of its own heartbeat intervals without an {@code UP} heartbeat. */
        @WithDefault("3")
        int missedHeartbeats();

        /**
         * The interval assumed for houses not heard from since this service started: they count as up for
         * {@code missed-heartbeats} of it (they may simply not have beaten yet), then as down.
         */
        @WithDefault("10s")
        Duration defaultInterval();
    }
}

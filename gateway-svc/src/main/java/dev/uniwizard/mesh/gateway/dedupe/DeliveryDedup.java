package dev.uniwizard.mesh.gateway.dedupe;

import dev.uniwizard.mesh.core.streams.MeshStreams;
import dev.uniwizard.mesh.gateway.config.GatewayConfig;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.StorageType;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jboss.logging.Logger;

/**
 * Remembers platform delivery ids (Slack {@code event_id}, Telegram {@code update_id}, Gitea {@code X-Gitea-Delivery},
 * Discord interaction id) for {@code gateway.dedupe-window}, in a JetStream key-value bucket that every gateway replica
 * shares: a platform's retry reaches any replica and is still recognised. {@link #firstTime} is one atomic
 * create-if-absent, so two replicas receiving the same retry at once cannot both publish it.
 */
@Singleton
public class DeliveryDedup {

    private static final Logger LOG = Logger.getLogger(DeliveryDedup.class);

    private final Connection connection;
    private final String bucket;
    private final GatewayConfig config;
    private volatile KeyValue kv;

    public DeliveryDedup(Connection connection, MeshStreams streams, GatewayConfig config) {
        this.connection = connection;
        this.bucket = streams.prefix() + "GATEWAY_SEEN";
        this.config = config;
    }

    @PostConstruct
    void open() {
        try {
            if (!connection.keyValueManagement().getBucketNames().contains(bucket)) {
                connection
                        .keyValueManagement()
                        .create(KeyValueConfiguration.builder()
                                .name(bucket)
                                .description("Uni-Wizard Mesh gateway: platform delivery ids already taken")
                                .storageType(StorageType.File)
                                .ttl(config.dedupeWindow())
                                .maxHistoryPerKey(1)
                                .build());
            }
            kv = connection.keyValue(bucket);
        } catch (IOException | JetStreamApiException e) {
            throw new IllegalStateException(
                    "cannot open the delivery dedupe bucket " + bucket + " in JetStream: " + e.getMessage(), e);
        }
    }

    /**
     * True the first time {@code platform}'s delivery {@code key} is seen within the window (it is recorded now);
     * false for a repeat. Throws when JetStream cannot answer, so the caller can ask the platform to retry.
     */
    public boolean firstTime(String platform, String key) {
        try {
            kv.create(entryKey(platform, key), new byte[] {1});
            return true;
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() == 10071
                    || e.getErrorCode() == 400 && String.valueOf(e.getMessage()).contains("wrong last sequence")) {
                return false;
            }
            throw new IllegalStateException(
                    "the dedupe bucket " + bucket + " refused " + platform + " delivery " + key + ": " + e.getMessage(),
                    e);
        } catch (IOException e) {
            throw new IllegalStateException("the dedupe bucket " + bucket + " is unreachable: " + e.getMessage(), e);
        }
    }

    /** Forgets a delivery that could not be handed on, so the platform's retry is taken. */
    public void forget(String platform, String key) {
        try {
            kv.purge(entryKey(platform, key));
        } catch (IOException | JetStreamApiException e) {
            LOG.warnf(
                    "could not forget %s delivery %s in %s; its retry will be taken as a duplicate: %s",
                    platform, key, bucket, e.getMessage());
        }
    }

    /** KV keys allow only a few characters: the platform's id is hashed. */
    private static String entryKey(String platform, String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return platform + "." + HexFormat.of().formatHex(digest, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

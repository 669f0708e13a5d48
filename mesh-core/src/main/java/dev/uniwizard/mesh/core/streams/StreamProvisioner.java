package dev.uniwizard.mesh.core.streams;

import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Creates the mesh's streams or brings them to the wanted configuration. Safe to run from every service at every start
 * and from several at once.
 */
public final class StreamProvisioner {

    /** JetStream error code for "stream not found". */
    private static final int STREAM_NOT_FOUND = 10059;
    /** JetStream error code for "stream name already in use" (another node created it first). */
    private static final int STREAM_NAME_IN_USE = 10058;

    /** What happened to one stream. */
    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    public record Result(String stream, Outcome outcome) {}

    private final JetStreamManagement jsm;

    public StreamProvisioner(JetStreamManagement jsm) {
        this.jsm = jsm;
    }

    public List<Result> provision(List<StreamConfiguration> wanted) throws IOException, JetStreamApiException {
        List<Result> results = new ArrayList<>();
        for (StreamConfiguration config : wanted) {
            results.add(new Result(config.getName(), provision(config)));
        }
        return results;
    }

    private Outcome provision(StreamConfiguration wanted) throws IOException, JetStreamApiException {
        StreamInfo existing = find(wanted.getName());
        if (existing == null) {
            try {
                jsm.addStream(wanted);
                return Outcome.CREATED;
            } catch (JetStreamApiException e) {
                if (e.getApiErrorCode() != STREAM_NAME_IN_USE) {
                    throw e;
                }
                existing = find(wanted.getName());
                if (existing == null) {
                    throw e;
                }
            }
        }
        StreamConfiguration current = existing.getConfiguration();
        if (current.getRetentionPolicy() != wanted.getRetentionPolicy()) {
            throw new IllegalStateException("stream " + wanted.getName() + " exists with retention "
                    + current.getRetentionPolicy() + " but the mesh needs " + wanted.getRetentionPolicy()
                    + "; JetStream cannot change retention in place: back it up and delete it, then restart");
        }
        if (sameSettings(current, wanted)) {
            return Outcome.UNCHANGED;
        }
        jsm.updateStream(wanted);
        return Outcome.UPDATED;
    }

    private static boolean sameSettings(StreamConfiguration a, StreamConfiguration b) {
        return a.getSubjects().equals(b.getSubjects())
                && a.getStorageType() == b.getStorageType()
                && a.getDiscardPolicy() == b.getDiscardPolicy()
                && Objects.equals(a.getMaxAge(), b.getMaxAge())
                && Objects.equals(a.getDuplicateWindow(), b.getDuplicateWindow())
                && a.getReplicas() == b.getReplicas()
                && Objects.equals(a.getDescription(), b.getDescription());
    }

    private StreamInfo find(String name) throws IOException, JetStreamApiException {
        try {
            return jsm.getStreamInfo(name);
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() == STREAM_NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }
}

package dev.uniwizard.mesh.observatory.probes;

import dev.uniwizard.mesh.core.observatory.CheckKinds;
import dev.uniwizard.mesh.core.observatory.CheckResult;
import dev.uniwizard.mesh.core.observatory.CheckState;
import dev.uniwizard.mesh.observatory.checks.Check;
import dev.uniwizard.mesh.observatory.checks.Level;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.ConsumerInfo;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * {@code inbox:<house>}: the tasks waiting for a house (pending) plus those it is working on (unacknowledged), from
 * its durable JetStream consumer {@code house-<house>} on the TASKS stream, against the inbox thresholds. A house
 * whose consumer does not exist yet has not subscribed (warn). The depth also goes to
 * {@code mesh_observatory_house_inbox{house}}.
 */
public final class InboxCheck implements Check {

    /** JetStream's error codes for a missing consumer and a missing stream. */
    private static final int CONSUMER_NOT_FOUND = 10014;

    private static final int STREAM_NOT_FOUND = 10059;

    private final String house;
    private final String stream;
    private final JetStreamManagement jsm;
    private final Level level;
    private final DoubleConsumer depthGauge;

    public InboxCheck(String house, String stream, JetStreamManagement jsm, Level level, DoubleConsumer depthGauge) {
        this.house = house;
        this.stream = stream;
        this.jsm = jsm;
        this.level = level;
        this.depthGauge = depthGauge;
    }

    /** The durable consumer a house takes its tasks with (see house-runtime's TaskConsumer). */
    public static String durable(String house) {
        return "house-" + house;
    }

    @Override
    public String kind() {
        return CheckKinds.INBOX;
    }

    @Override
    public String target() {
        return house;
    }

    @Override
    public List<CheckResult> run(Instant at) throws IOException {
        ConsumerInfo info;
        try {
            info = jsm.getConsumerInfo(stream, durable(house));
        } catch (JetStreamApiException e) {
            depthGauge.accept(Double.NaN);
            if (e.getApiErrorCode() == CONSUMER_NOT_FOUND) {
                return result(
                        CheckState.WARN,
                        null,
                        house + " has not subscribed yet: stream " + stream + " has no consumer " + durable(house),
                        at);
            }
            if (e.getApiErrorCode() == STREAM_NOT_FOUND) {
                return result(CheckState.ERROR, null, "stream " + stream + " does not exist", at);
            }
            return result(
                    CheckState.ERROR,
                    null,
                    "the consumer " + durable(house) + " on " + stream + " could not be read: " + e.getMessage(),
                    at);
        }
        long pending = info.getNumPending();
        long working = info.getNumAckPending();
        double depth = pending + working;
        depthGauge.accept(depth);
        return result(
                level.judge(depth),
                depth,
                house + " has " + pending + " task(s) waiting and " + working + " being worked on (warn at "
                        + (long) level.warn() + ", critical at " + (long) level.critical() + ")",
                at);
    }

    private List<CheckResult> result(CheckState state, Double depth, String message, Instant at) {
        return List.of(CheckResult.of(kind(), target(), state, depth, depth == null ? null : "messages", message, at));
    }
}

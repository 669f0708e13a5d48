package dev.uniwizard.mesh.core.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.payload.MessagePayload;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.core.trust.TrustStore;
import dev.uniwizard.mesh.core.trust.TrustedNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EnvelopeVerifierTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final Set<NodeRole> GATEWAYS = Set.of(NodeRole.GATEWAY);

    private final NodeKey gateway = NodeKey.generate("gateway-1", NodeRole.GATEWAY);
    private final NodeKey router = NodeKey.generate("router-1", NodeRole.ROUTER);
    private final TrustStore trust = mapStore(gateway.trusted(), router.trusted());
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final EnvelopeVerifier verifier = new EnvelopeVerifier(
            trust, new InMemoryReplayGuard(clock, Duration.ofMinutes(5)), clock, Duration.ofMinutes(5));

    @Test
    void acceptsAnEnvelopeSignedByATrustedNode() {
        Envelope envelope = message(gateway, clock);

        Verification result = verifier.verify(EnvelopeCodec.toBytes(envelope), GATEWAYS);

        assertThat(result).isInstanceOfSatisfying(Verification.Accepted.class, accepted -> {
            assertThat(accepted.envelope()).isEqualTo(envelope);
            assertThat(accepted.signer().nodeId()).isEqualTo("gateway-1");
        });
    }

    @Test
    void rejectsATamperedField() {
        ObjectNode tree = EnvelopeCodec.toTree(message(gateway, clock));
        tree.with("payload").put("text", "rm -rf /");

        assertRejected(bytes(tree), RejectionReason.BAD_SIGNATURE);
    }

    @Test
    void rejectsAnAddedFieldBecauseUnknownFieldsAreSignedToo() {
        ObjectNode tree = EnvelopeCodec.toTree(message(gateway, clock));
        tree.put("house", "timmy");

        assertRejected(bytes(tree), RejectionReason.BAD_SIGNATURE);
    }

    @Test
    void rejectsASignatureMadeWithAnotherKeyForTheSameNode() {
        NodeKey impostor = NodeKey.generate("gateway-1", NodeRole.GATEWAY);
        Envelope forged = new EnvelopeSigner(impostor, clock)
                .originate(
                        EnvelopeKind.MESSAGE, "c1", null, new Sender("http", "u", "U"), new MessagePayload("hi"), null);

        assertRejected(EnvelopeCodec.toBytes(forged), RejectionReason.UNKNOWN_KEY);
    }

    @Test
    void rejectsTheRightKeyIdWithAWrongSignature() {
        NodeKey impostor = NodeKey.generate("gateway-1", NodeRole.GATEWAY);
        Envelope genuine = message(gateway, clock);
        Envelope forgedSig = new EnvelopeSigner(impostor, clock)
                .sign(new Envelope(
                        genuine.v(),
                        genuine.id(),
                        genuine.correlationId(),
                        genuine.conversationId(),
                        genuine.nodeId(),
                        genuine.kind(),
                        genuine.house(),
                        genuine.sender(),
                        genuine.payload(),
                        genuine.ts(),
                        genuine.traceparent(),
                        impostor.keyId(),
                        null));
        Envelope claimed = forgedSig.withSig(forgedSig.sig());
        ObjectNode tree = EnvelopeCodec.toTree(claimed);
        tree.put("keyId", gateway.keyId());

        assertRejected(bytes(tree), RejectionReason.BAD_SIGNATURE);
    }

    @Test
    void rejectsAnUnknownNode() {
        NodeKey stranger = NodeKey.generate("stranger", NodeRole.GATEWAY);

        assertRejected(EnvelopeCodec.toBytes(message(stranger, clock)), RejectionReason.UNKNOWN_KEY);
    }

    @Test
    void rejectsAReplayButAcceptsItAgainAfterRelease() {
        Envelope envelope = message(gateway, clock);
        byte[] bytes = EnvelopeCodec.toBytes(envelope);

        assertThat(verifier.verify(bytes, GATEWAYS)).isInstanceOf(Verification.Accepted.class);
        assertRejected(bytes, RejectionReason.REPLAY);

        verifier.release(envelope);
        assertThat(verifier.verify(bytes, GATEWAYS)).isInstanceOf(Verification.Accepted.class);
    }

    @Test
    void rejectsTimestampsOutsideTheWindowEitherWay() {
        Clock past = Clock.fixed(NOW.minus(Duration.ofMinutes(6)), ZoneOffset.UTC);
        Clock future = Clock.fixed(NOW.plus(Duration.ofMinutes(6)), ZoneOffset.UTC);
        Clock edge = Clock.fixed(NOW.minus(Duration.ofMinutes(4)), ZoneOffset.UTC);

        assertRejected(EnvelopeCodec.toBytes(message(gateway, past)), RejectionReason.CLOCK_SKEW);
        assertRejected(EnvelopeCodec.toBytes(message(gateway, future)), RejectionReason.CLOCK_SKEW);
        assertThat(verifier.verify(EnvelopeCodec.toBytes(message(gateway, edge)), GATEWAYS))
                .isInstanceOf(Verification.Accepted.class);
    }

    @Test
    void judgesAStoredEnvelopeByWhenTheStreamStoredItNotByNow() {
        Clock anHourAgo = Clock.fixed(NOW.minus(Duration.ofHours(1)), ZoneOffset.UTC);
        byte[] keptWhileTheConsumerWasDown = EnvelopeCodec.toBytes(message(gateway, anHourAgo));
        byte[] replayedLater = EnvelopeCodec.toBytes(message(gateway, anHourAgo));

        assertThat(verifier.verify(
                        keptWhileTheConsumerWasDown,
                        GATEWAYS,
                        NOW.minus(Duration.ofHours(1)).plusSeconds(1)))
                .isInstanceOf(Verification.Accepted.class);
        Verification stored = verifier.verify(replayedLater, GATEWAYS, NOW);
        assertThat(stored).isInstanceOf(Verification.Rejected.class);
        assertThat(((Verification.Rejected) stored).reason()).isEqualTo(RejectionReason.CLOCK_SKEW);
        assertThat(((Verification.Rejected) stored).describe()).contains("the time the stream stored it");
    }

    @Test
    void rejectsARoleThatMayNotSendHere() {
        assertRejected(EnvelopeCodec.toBytes(message(router, clock)), RejectionReason.ROLE_NOT_ALLOWED);
    }

    @Test
    void malformedInputIsRejectedWithAClearReasonAndNoException() {
        assertThat(reasonOf("not json")).contains("not valid JSON");
        assertThat(reasonOf("[1,2]")).contains("expected a JSON object, got array");
        assertThat(reasonOf("{}")).contains("missing required field(s): v, id");
        assertThat(reasonOf("")).contains("empty message");
        ObjectNode badKind = EnvelopeCodec.toTree(message(gateway, clock));
        badKind.put("kind", "shout");
        assertThat(reasonOf(badKind.toString())).contains("unknown envelope kind 'shout'");
        ObjectNode badVersion = EnvelopeCodec.toTree(message(gateway, clock));
        badVersion.put("v", 99);
        assertThat(reasonOf(badVersion.toString())).contains("unsupported envelope version 99");
        ObjectNode badSig = EnvelopeCodec.toTree(message(gateway, clock));
        badSig.put("sig", "%%%");
        assertRejected(bytes(badSig), RejectionReason.BAD_SIGNATURE);
    }

    private String reasonOf(String json) {
        Verification result = verifier.verify(json.getBytes(StandardCharsets.UTF_8), GATEWAYS);
        assertThat(result).isInstanceOf(Verification.Rejected.class);
        Verification.Rejected rejected = (Verification.Rejected) result;
        assertThat(rejected.reason()).isEqualTo(RejectionReason.MALFORMED);
        return rejected.detail();
    }

    private void assertRejected(byte[] bytes, RejectionReason reason) {
        Verification result = verifier.verify(bytes, GATEWAYS);
        assertThat(result).isInstanceOfSatisfying(Verification.Rejected.class, rejected -> assertThat(rejected.reason())
                .as(rejected.describe())
                .isEqualTo(reason));
    }

    private static Envelope message(NodeKey key, Clock clock) {
        return new EnvelopeSigner(key, clock)
                .originate(
                        EnvelopeKind.MESSAGE,
                        "conv-1",
                        "ezra",
                        new Sender("http", "alice", "Alice"),
                        new MessagePayload("/tool echo text=hi"),
                        null);
    }

    private static byte[] bytes(ObjectNode tree) {
        return tree.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static TrustStore mapStore(TrustedNode... nodes) {
        Map<String, TrustedNode> byId = new java.util.HashMap<>();
        for (TrustedNode node : nodes) {
            byId.put(node.nodeId(), node);
        }
        return nodeId -> Optional.ofNullable(byId.get(nodeId));
    }
}

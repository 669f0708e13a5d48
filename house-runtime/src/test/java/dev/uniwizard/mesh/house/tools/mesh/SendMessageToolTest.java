package dev.uniwizard.mesh.house.tools.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.payload.MessagePayload;
import dev.uniwizard.mesh.core.payload.ReplyPayload;
import dev.uniwizard.mesh.core.signing.EnvelopeSigner;
import dev.uniwizard.mesh.core.signing.EnvelopeVerifier;
import dev.uniwizard.mesh.core.signing.InMemoryReplayGuard;
import dev.uniwizard.mesh.core.signing.Verification;
import dev.uniwizard.mesh.core.streams.MeshStreams;
import dev.uniwizard.mesh.core.streams.StreamProvisioner;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.FileTrustStore;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.house.config.HouseConfigs;
import dev.uniwizard.mesh.house.policy.PermissionRule;
import dev.uniwizard.mesh.house.tools.ToolCall;
import dev.uniwizard.mesh.house.tools.ToolResult;
import dev.uniwizard.mesh.house.tools.TransientToolException;
import dev.uniwizard.mesh.service.messaging.EnvelopePublisher;
import dev.uniwizard.mesh.service.tracing.NatsTracing;
import dev.uniwizard.mesh.testkit.LocalServers;
import dev.uniwizard.mesh.testkit.SubjectRecorder;
import dev.uniwizard.mesh.testkit.TestKeyring;
import dev.uniwizard.mesh.testkit.TestNamespace;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.opentelemetry.api.OpenTelemetry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tool against the real local NATS, in a namespace of its own, signing as the test house ezra-test. */
class SendMessageToolTest {

    private final TestNamespace namespace = TestNamespace.create();
    private final Subjects subjects = namespace.subjects();
    private final MeshStreams streams = namespace.streams();
    private Connection connection;
    private SendMessageTool tool;

    @BeforeEach
    void connect() throws Exception {
        connection = Nats.connect(LocalServers.natsUrl());
        new StreamProvisioner(connection.jetStreamManagement()).provision(streams.definitions());
        tool = tool(subjects, "bezalel, house:timmy, telegram:*");
    }

    @AfterEach
    void disconnect() throws InterruptedException {
        connection.close();
        namespace.deleteStreams();
    }

    @Test
    void aMessageToAHouseIsASignedMessageFromThisHouseOnInMesh() throws Exception {
        try (SubjectRecorder mesh = SubjectRecorder.watch(connection, subjects.in("mesh"))) {
            ToolResult result = tool.execute(call("bezalel", "please build the index"));

            Message message = mesh.awaitFirst(subjects.in("mesh"));
            Envelope envelope = verified(message);
            assertThat(envelope.kind()).isEqualTo(EnvelopeKind.MESSAGE);
            assertThat(envelope.nodeId()).isEqualTo("ezra-test");
            assertThat(envelope.house()).isEqualTo("bezalel");
            assertThat(envelope.sender()).isEqualTo(new Sender("mesh", "ezra", "Ezra, the archivist"));
            assertThat(envelope.conversationId()).isNotBlank().isNotEqualTo(envelope.id());
            assertThat(SubjectRecorder.payload(envelope, MessagePayload.class).text())
                    .isEqualTo("please build the index");
            assertThat(result.ok()).isTrue();
            assertThat(result.text())
                    .startsWith("sent to bezalel as envelope " + envelope.id() + " on " + subjects.in("mesh"))
                    .contains(subjects.out("mesh"));
            assertThat(storedIn(streams.inbound())).isEqualTo(1);
        }
    }

    @Test
    void aMessageToAnOperatorIsASignedReplyOnTheirPlatform() throws Exception {
        try (SubjectRecorder out = SubjectRecorder.watch(connection, subjects.outAll())) {
            ToolResult result = tool.execute(call("telegram:12345", "the index is built"));

            Envelope envelope = verified(out.awaitFirst(subjects.out("telegram")));
            assertThat(envelope.kind()).isEqualTo(EnvelopeKind.REPLY);
            assertThat(envelope.sender()).isEqualTo(new Sender("telegram", "12345", null));
            assertThat(envelope.house()).isEqualTo("ezra");
            assertThat(SubjectRecorder.payload(envelope, ReplyPayload.class))
                    .isEqualTo(ReplyPayload.ok("ezra", "the index is built"));
            assertThat(result.text())
                    .startsWith(
                            "sent to telegram:12345 as envelope " + envelope.id() + " on " + subjects.out("telegram"))
                    .contains("delivery depends on the telegram platform adapter");
            assertThat(storedIn(streams.outbound())).isEqualTo(1);
        }
    }

    @Test
    void aRecipientNotAllowedIsRefusedAndNothingIsPublished() throws Exception {
        ToolResult operator = tool.execute(call("slack:U42", "hello"));
        ToolResult itself = tool.execute(call("ezra", "hello me"));

        assertThat(operator.ok()).isFalse();
        assertThat(operator.text())
                .isEqualTo("send_message refused: house 'ezra' may not message 'slack:U42': house.send.allow lists"
                        + " bezalel, house:timmy, telegram:*");
        assertThat(itself.ok()).isFalse();
        assertThat(itself.text()).contains("house 'ezra' may not message itself");
        // publishDurable returns only once the stream stored the message, so a publish would already show here.
        assertThat(storedIn(streams.inbound())).isZero();
        assertThat(storedIn(streams.outbound())).isZero();
    }

    @Test
    void badArgumentsAreRefusedWithWhatIsWrong() throws Exception {
        assertThat(tool.execute(call("Bezalel!", "hi")).text())
                .isEqualTo("send_message: 'Bezalel!' is neither a house name (1-64 lower-case letters, digits, '_'"
                        + " or '-', like ezra) nor a recipient like telegram:12345");
        assertThat(tool.execute(call("telegram:", "hi")).text()).contains("the user id in 'telegram:'");
        assertThat(tool.execute(call("bezalel", "  ")).text()).isEqualTo("send_message: the text is empty");
        ToolResult tooLong = tool.execute(call("bezalel", "é".repeat(8 * 1024 + 1)));
        assertThat(tooLong.ok()).isFalse();
        assertThat(tooLong.text()).contains("16386 bytes; at most 16384");
        assertThat(tool.execute(call("bezalel", "x".repeat(16 * 1024))).ok()).isTrue();
        assertThat(storedIn(streams.inbound())).isEqualTo(1);
    }

    @Test
    void withoutAStreamToStoreItTheSendIsATransientFailure() {
        TestNamespace empty = TestNamespace.create();
        SendMessageTool unprovisioned = tool(empty.subjects(), "bezalel");

        assertThatThrownBy(() -> unprovisioned.execute(call("bezalel", "hello")))
                .isInstanceOf(TransientToolException.class)
                .hasMessageContaining("could not publish the message to bezalel on "
                        + empty.subjects().in("mesh"));
    }

    @Test
    void everyoneMayBeMessagedWhenTheListIsUnset() throws Exception {
        SendMessageTool open = new SendMessageTool(
                HouseConfigs.of(Map.of()), signer(), publisher(), subjects, new NatsTracing(OpenTelemetry.noop()));

        assertThat(open.execute(call("timmy", "hi")).ok()).isTrue();
        assertThat(open.execute(call("discord:7", "hi")).ok()).isTrue();
        assertThat(open.execute(call("ezra", "hi")).ok()).isFalse();
        assertThat(storedIn(streams.inbound())).isEqualTo(1);
        assertThat(storedIn(streams.outbound())).isEqualTo(1);
    }

    @Test
    void theTargetIsTheNormalizedRecipientSoPermissionRulesMatchIt() {
        assertThat(tool.readOnly()).isFalse();
        assertThat(tool.sideEffects(call("bezalel", "hi"))).isTrue();
        assertThat(tool.parameters()).allSatisfy(p -> assertThat(p.required()).isTrue());
        assertThat(tool.target(call("house:bezalel", "hi"))).hasValue("bezalel");
        assertThat(tool.target(call("mesh:bezalel", "hi"))).hasValue("bezalel");
        assertThat(tool.target(call("telegram:12345", "hi"))).hasValue("telegram:12345");
        assertThat(tool.target(call("Not A Name", "hi"))).hasValue("Not A Name");

        PermissionRule bezalelOnly = PermissionRule.parse("send_message(bezalel)");
        assertThat(bezalelOnly.matches("send_message", tool.target(call("house:bezalel", "hi"))))
                .isTrue();
        assertThat(bezalelOnly.matches("send_message", tool.target(call("timmy", "hi"))))
                .isFalse();
        // PermissionRule reads "(telegram:*)" as a command prefix ("telegram" or "telegram ..."); a glob matches.
        assertThat(PermissionRule.parse("send_message(telegram*)")
                        .matches("send_message", tool.target(call("telegram:12345", "hi"))))
                .isTrue();
    }

    private SendMessageTool tool(Subjects subjects, String allow) {
        return new SendMessageTool(
                HouseConfigs.of(Map.of("house.send.allow", allow)),
                signer(),
                publisher(),
                subjects,
                new NatsTracing(OpenTelemetry.noop()));
    }

    private EnvelopePublisher publisher() {
        try {
            return new EnvelopePublisher(
                    connection,
                    connection.jetStream(),
                    new NatsTracing(OpenTelemetry.noop()),
                    new SimpleMeterRegistry());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EnvelopeSigner signer() {
        return TestKeyring.shared().signer("ezra-test", NodeRole.HOUSE);
    }

    private static ToolCall call(String to, String text) {
        return new ToolCall(SendMessageTool.NAME, Map.of("to", to, "text", text));
    }

    private long storedIn(String stream) throws Exception {
        return connection
                .jetStreamManagement()
                .getStreamInfo(stream)
                .getStreamState()
                .getMsgCount();
    }

    /** The envelope, after checking its signature against the test trust store as a receiving service would. */
    private static Envelope verified(Message message) {
        Clock clock = Clock.systemUTC();
        EnvelopeVerifier verifier = new EnvelopeVerifier(
                new FileTrustStore(TestKeyring.shared().trustStore(), clock, Duration.ofSeconds(1)),
                new InMemoryReplayGuard(clock, Duration.ofMinutes(10)),
                clock,
                Duration.ofMinutes(5));
        Verification verification = verifier.verify(message.getData(), Set.of(NodeRole.HOUSE));
        assertThat(verification).isInstanceOf(Verification.Accepted.class);
        return ((Verification.Accepted) verification).envelope();
    }
}

package dev.uniwizard.mesh.cli.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.cli.testing.CliRun;
import dev.uniwizard.mesh.core.signing.KeyFiles;
import dev.uniwizard.mesh.core.signing.NodeKey;
import dev.uniwizard.mesh.core.trust.FileTrustStore;
import dev.uniwizard.mesh.core.trust.NodeRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysCommandTest {

    @TempDir
    Path dir;

    private CliRun gen(String node, String role, String... extra) {
        String[] base = {"keys", "gen", "--node", node, "--role", role, "--dir", dir.toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.wizard(args);
    }

    private FileTrustStore.Entry trustEntry(String node) {
        return FileTrustStore.read(dir.resolve("trust.json")).nodes().get(node);
    }

    @Test
    void genWritesAPrivateKeyFileAndItsTrustEntry() throws Exception {
        CliRun run = gen("ezra-1", "house");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Path keyFile = dir.resolve("ezra-1.key");
        NodeKey key = KeyFiles.read(keyFile);
        assertThat(key.nodeId()).isEqualTo("ezra-1");
        assertThat(key.role()).isEqualTo(NodeRole.HOUSE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
                .isEqualTo("rw-------");
        FileTrustStore.Entry entry = trustEntry("ezra-1");
        assertThat(entry.role()).isEqualTo(NodeRole.HOUSE);
        assertThat(entry.keyId()).isEqualTo(key.keyId());
        assertThat(entry.publicKey()).isEqualTo(key.trusted().publicKey());
        assertThat(run.out())
                .contains("generated key for ezra-1", "role:        house", key.keyId(), keyFile.toString())
                .contains(dir.resolve("trust.json").toString());
        assertThat(run.err()).isEmpty();
    }

    @Test
    void secondRunKeepsTheExistingKey() throws Exception {
        gen("router-1", "router");
        String first = KeyFiles.read(dir.resolve("router-1.key")).keyId();
        byte[] firstBytes = Files.readAllBytes(dir.resolve("router-1.key"));

        CliRun again = gen("router-1", "router");

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("kept existing key for router-1", first, "already present");
        assertThat(Files.readAllBytes(dir.resolve("router-1.key"))).isEqualTo(firstBytes);
        assertThat(trustEntry("router-1").keyId()).isEqualTo(first);
    }

    @Test
    void keptKeyIsAddedBackToALostTrustStore() throws Exception {
        gen("gateway-1", "gateway");
        String keyId = KeyFiles.read(dir.resolve("gateway-1.key")).keyId();
        Files.delete(dir.resolve("trust.json"));

        CliRun again = gen("gateway-1", "gateway");

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("kept existing key", "re-added");
        assertThat(trustEntry("gateway-1").keyId()).isEqualTo(keyId);
    }

    @Test
    void replaceRotatesTheKeyAndUpdatesTheTrustStore() {
        gen("ezra-1", "house");
        gen("timmy-1", "house");
        String before = KeyFiles.read(dir.resolve("ezra-1.key")).keyId();
        String timmy = trustEntry("timmy-1").keyId();

        CliRun rotated = gen("ezra-1", "house", "--replace");

        assertThat(rotated.exitCode()).as(rotated.err()).isZero();
        String after = KeyFiles.read(dir.resolve("ezra-1.key")).keyId();
        assertThat(after).isNotEqualTo(before);
        assertThat(trustEntry("ezra-1").keyId()).isEqualTo(after);
        assertThat(trustEntry("timmy-1").keyId()).as("other nodes untouched").isEqualTo(timmy);
        assertThat(rotated.out()).contains("rotated key for ezra-1", "previous keyId " + before, after);
    }

    @Test
    void trustStoreOptionWritesElsewhere() {
        Path shared = dir.resolve("shared/trust.json");

        CliRun run = gen("memory-1", "service", "--trust-store", shared.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(FileTrustStore.read(shared).nodes()).containsKey("memory-1");
        assertThat(dir.resolve("trust.json")).doesNotExist();
    }

    @Test
    void unknownRoleIsAUsageErrorWithoutAKey() {
        CliRun run = gen("ezra-1", "wizard");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("unknown node role 'wizard', expected gateway, router, house or service")
                .contains("wizard keys gen --help");
        assertThat(run.hasNoStackTrace()).as(run.err()).isTrue();
        assertThat(dir.resolve("ezra-1.key")).doesNotExist();
    }

    @Test
    void invalidNodeNameIsAUsageErrorWithoutAKey() {
        CliRun run = gen("Ezra/1", "house");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("node id 'Ezra/1' is not valid", "lower-case letters");
        assertThat(run.hasNoStackTrace()).as(run.err()).isTrue();
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void existingKeyWithAnotherRoleIsNotKeptSilently() {
        gen("ezra-1", "house");

        CliRun run = gen("ezra-1", "router");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("role house, not ezra-1 with role router", "--replace");
        assertThat(trustEntry("ezra-1").role()).isEqualTo(NodeRole.HOUSE);
    }

    @Test
    void corruptKeyFileIsReportedWithoutAStackTrace() throws Exception {
        Files.writeString(dir.resolve("ezra-1.key"), "not json");

        CliRun run = gen("ezra-1", "house");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("node key file", "is not valid", "--replace");
        assertThat(run.err().lines().count()).isEqualTo(1);
    }

    @Test
    void missingRequiredOptionsAreUsageErrors() {
        CliRun run = CliRun.wizard("keys", "gen", "--node", "ezra-1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required options", "--role", "--dir");
    }

    @Test
    void listPrintsEveryTrustedNode() {
        gen("gateway-1", "gateway");
        gen("ezra-1", "house");

        CliRun run = CliRun.wizard("keys", "list", "--dir", dir.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().toList())
                .hasSize(4)
                .first()
                .asString()
                .startsWith("NODE")
                .contains("ROLE", "KEY ID");
        assertThat(run.out())
                .containsPattern("ezra-1 +house +" + trustEntry("ezra-1").keyId())
                .containsPattern(
                        "gateway-1 +gateway +" + trustEntry("gateway-1").keyId())
                .contains("2 nodes in " + dir.resolve("trust.json"));
    }

    @Test
    void listWithoutATrustStoreSaysHowToCreateIt() {
        CliRun run =
                CliRun.wizard("keys", "list", "--dir", dir.resolve("nowhere").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("does not exist", "./wizard keys gen");
        assertThat(run.out()).isEmpty();
    }
}

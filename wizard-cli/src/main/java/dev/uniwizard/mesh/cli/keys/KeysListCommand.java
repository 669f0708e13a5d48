package dev.uniwizard.mesh.cli.keys;

import dev.uniwizard.mesh.cli.CliError;
import dev.uniwizard.mesh.cli.ExitCodes;
import dev.uniwizard.mesh.cli.text.TextTable;
import dev.uniwizard.mesh.core.signing.Ed25519Keys;
import dev.uniwizard.mesh.core.trust.FileTrustStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wizard keys list}: the nodes in the trust store. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List the nodes in the trust store (node, role, keyId).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed", "1:the trust store does not exist or cannot be read"})
public final class KeysListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--dir",
            paramLabel = "<dir>",
            defaultValue = KeysCommand.DEFAULT_DIR,
            description = "key directory (default: ${DEFAULT-VALUE})")
    Path dir;

    @Option(
            names = "--trust-store",
            paramLabel = "<file>",
            description = "trust store to read (default: <dir>/" + KeysCommand.TRUST_FILE + ")")
    Path trustStore;

    @Override
    public Integer call() {
        Path trustFile = (trustStore == null ? dir.resolve(KeysCommand.TRUST_FILE) : trustStore)
                .toAbsolutePath()
                .normalize();
        if (!Files.exists(trustFile)) {
            throw CliError.failure(
                    "trust store " + trustFile + " does not exist; create it with "
                            + "./wizard keys gen --node <nodeId> --role <role> --dir " + trustFile.getParent(),
                    null);
        }
        Map<String, FileTrustStore.Entry> nodes = FileTrustStore.read(trustFile).nodes();
        PrintWriter out = spec.commandLine().getOut();
        TextTable table = new TextTable("NODE", "ROLE", "KEY ID");
        nodes.forEach((nodeId, entry) -> table.row(
                nodeId,
                entry == null || entry.role() == null ? null : entry.role().wireName(),
                keyId(entry)));
        table.print(out);
        out.println(nodes.size() + (nodes.size() == 1 ? " node" : " nodes") + " in " + trustFile);
        return ExitCodes.OK;
    }

    private static String keyId(FileTrustStore.Entry entry) {
        if (entry == null) {
            return null;
        }
        if (entry.keyId() != null) {
            return entry.keyId();
        }
        try {
            return entry.publicKey() == null ? null : Ed25519Keys.keyId(Ed25519Keys.decodePublic(entry.publicKey()));
        } catch (IllegalArgumentException e) {
            return "invalid public key";
        }
    }
}

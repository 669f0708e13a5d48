package dev.uniwizard.mesh.cli.digest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.uniwizard.mesh.cli.ExitCodes;
import dev.uniwizard.mesh.cli.http.HttpResult;
import dev.uniwizard.mesh.cli.http.ObservatoryClient;
import dev.uniwizard.mesh.cli.observatory.ObservatoryAnswers;
import dev.uniwizard.mesh.cli.observatory.ObservatoryOptions;
import dev.uniwizard.mesh.core.observatory.DigestReport;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wizard digest}: the daily digest of the last 24 hours; {@code --send} sends it now. */
@Command(
        name = "digest",
        mixinStandardHelpOptions = true,
        description = {
            "Print the daily digest of the last 24 hours, or send it now (--send).",
            "From GET /api/v1/digest: check snapshots per state, incidents, notifications sent, availability and"
                    + " latency. With --send the observatory sends it to its channels now (POST /api/v1/digest/send),"
                    + " as it does every day at observatory.digest.at."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:printed (or sent)", "2:invalid input, or the observatory is not reachable or refused"})
public final class DigestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--send", description = "send the digest to the observatory's channels now")
    boolean send;

    @Option(names = "--text", description = "print only the digest's text, as chat platforms get it")
    boolean textOnly;

    @Mixin
    ObservatoryOptions observatory;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ObservatoryClient client = observatory.client()) {
            if (send) {
                HttpResult result = client.sendDigest();
                if (!result.successful()) {
                    throw ObservatoryAnswers.refused(result, "the request to send the digest");
                }
                Optional<DigestReport> sent = digestIn(result);
                out.println(sent.map(digest -> "digest sent: " + DigestText.period(digest))
                        .orElse("digest sent (HTTP " + result.status() + ")"));
                sent.ifPresent(digest -> print(out, digest));
            } else {
                print(out, ObservatoryAnswers.read(client.digest(), DigestReport.class, "the digest"));
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    private void print(PrintWriter out, DigestReport digest) {
        if (textOnly) {
            out.println(
                    digest.text() == null
                            ? "(the digest has no text)"
                            : digest.text().strip());
        } else {
            DigestText.print(out, digest);
        }
    }

    /** The digest the send answered with, when it answered with one. */
    private static Optional<DigestReport> digestIn(HttpResult result) {
        Optional<JsonNode> json = result.json();
        if (json.isEmpty() || !json.get().has("from") || !json.get().has("to")) {
            return Optional.empty();
        }
        return Optional.of(ObservatoryAnswers.read(result, DigestReport.class, "the request to send the digest"));
    }
}

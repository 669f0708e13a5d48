package dev.uniwizard.mesh.cli.digest;

import dev.uniwizard.mesh.cli.observatory.Figures;
import dev.uniwizard.mesh.cli.slo.SloText;
import dev.uniwizard.mesh.cli.text.Durations;
import dev.uniwizard.mesh.cli.text.TextTable;
import dev.uniwizard.mesh.cli.text.Times;
import dev.uniwizard.mesh.core.observatory.CheckIncidents;
import dev.uniwizard.mesh.core.observatory.DigestReport;
import java.io.PrintWriter;
import java.util.List;

/** The digest on the terminal: its period and counts, then tables of incidents, availability and latency. */
final class DigestText {

    private DigestText() {}

    static String period(DigestReport digest) {
        return Times.seconds(digest.from()) + " to " + Times.seconds(digest.to());
    }

    static void print(PrintWriter out, DigestReport digest) {
        out.println("digest from " + period(digest));
        out.println("check snapshots: " + Figures.stateCounts(digest.snapshotsByState()));
        out.println("notifications sent: " + digest.alertsSent());
        out.println();
        List<CheckIncidents> incidents = digest.incidents() == null ? List.of() : digest.incidents();
        if (incidents.isEmpty()) {
            out.println("no incidents: no check was critical or in error");
        } else {
            TextTable table = new TextTable("CHECK", "INCIDENTS", "PROBLEM TIME", "WORST");
            for (CheckIncidents incident : incidents) {
                table.row(
                        incident.check(),
                        String.valueOf(incident.incidents()),
                        Durations.uptime((double) incident.problemSeconds()),
                        Figures.state(incident.worst()));
            }
            table.print(out);
        }
        if (digest.uptime() != null && !digest.uptime().isEmpty()) {
            out.println();
            SloText.uptime(out, digest.uptime());
        }
        if (digest.latencies() != null && !digest.latencies().isEmpty()) {
            out.println();
            SloText.latencies(out, digest.latencies());
        }
    }
}

package dev.uniwizard.mesh.cli.memory;

import dev.uniwizard.mesh.cli.text.Times;
import dev.uniwizard.mesh.core.memory.ChainBreak;
import dev.uniwizard.mesh.core.memory.ChainReport;
import dev.uniwizard.mesh.core.memory.CheckpointReport;
import java.io.PrintWriter;

/** How a {@link ChainReport} looks on the terminal: one line when the chain holds, the first break in full if not. */
final class ChainText {

    static final int HASH_PREFIX = 12;

    private ChainText() {}

    /** Every link and every checkpoint holds. */
    static boolean holds(ChainReport report) {
        return report.intact() && report.firstBreak() == null && checkpointProblem(report) == null;
    }

    static void print(PrintWriter out, ChainReport report) {
        if (holds(report)) {
            out.println(
                    "chain intact: " + links(report) + ", " + head(report) + ", " + checkpoints(report.checkpoints()));
            return;
        }
        ChainBreak broken = report.firstBreak();
        String checkpointProblem = checkpointProblem(report);
        if (broken != null) {
            out.println("chain BROKEN at link #" + broken.chainSeq() + " (" + broken.source() + " " + broken.key()
                    + "): " + broken.problem());
            field(out, "expected hash", broken.expectedHash() == null ? "(cannot be computed)" : broken.expectedHash());
            field(out, "stored hash", broken.storedHash() == null ? "(none)" : broken.storedHash());
            if (checkpointProblem != null) {
                field(out, "checkpoints", checkpointProblem);
            }
        } else if (checkpointProblem != null) {
            out.println("chain BROKEN: a checkpoint does not hold: " + checkpointProblem);
        } else {
            out.println("chain BROKEN: memory says it is not intact but names no link or checkpoint");
        }
        String verifiedAt = Times.seconds(report.verifiedAt());
        field(out, "walked", links(report) + ", " + head(report) + (verifiedAt == null ? "" : ", at " + verifiedAt));
    }

    private static String links(ChainReport report) {
        return report.checkedLinks() + (report.checkedLinks() == 1 ? " link" : " links") + " checked ("
                + report.prunedLinks() + " pruned)";
    }

    private static String head(ChainReport report) {
        if (report.headHash() == null || report.headHash().isBlank()) {
            return "no head yet";
        }
        String hash = report.headHash().strip();
        return "head #" + report.headSeq() + " "
                + (hash.length() <= HASH_PREFIX ? hash : hash.substring(0, HASH_PREFIX));
    }

    private static String checkpoints(CheckpointReport checkpoints) {
        if (checkpoints == null || checkpoints.checked() == 0) {
            return "no checkpoints yet";
        }
        String count = checkpoints.checked() + (checkpoints.checked() == 1 ? " checkpoint" : " checkpoints");
        if (checkpoints.lastChainSeq() == null) {
            return count;
        }
        return count + ", last #" + checkpoints.lastChainSeq() + " signed by "
                + (checkpoints.lastSignedBy() == null ? "(unknown)" : checkpoints.lastSignedBy()) + " at "
                + (checkpoints.lastSignedAt() == null ? "(unknown)" : Times.seconds(checkpoints.lastSignedAt()));
    }

    private static String checkpointProblem(ChainReport report) {
        CheckpointReport checkpoints = report.checkpoints();
        return checkpoints == null
                        || checkpoints.problem() == null
                        || checkpoints.problem().isBlank()
                ? null
                : checkpoints.problem();
    }

    private static void field(PrintWriter out, String name, String value) {
        out.printf("  %-14s %s%n", name, value);
    }
}

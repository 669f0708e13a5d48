package dev.uniwizard.mesh.house.gates;

import java.util.HashSet;
import java.util.Set;

/**
 * What one conversation has read, changed and proved, in order: the memory behind the house gates. Paths are in the
 * workspace's display form ({@code docs/guide.md}). Thread-safe: read-only calls of a step record in parallel.
 */
public final class ConversationLedger {

    /** Tools whose successful call counts as reading its {@code path}. */
    public static final Set<String> READ_TOOLS = Set.of("file_read");

    /** Tools whose successful call changes the file at its {@code path}. */
    public static final Set<String> CHANGE_TOOLS = Set.of("file_write");

    /** The proof tool. */
    public static final String PROOF_TOOL = "run_tests";

    private final Set<String> read = new HashSet<>();
    private long sequence;
    private long lastChange = -1;
    private String lastChangedPath;
    private long lastProof = -1;
    private boolean lastProofPassed;

    public synchronized void recordRead(String path) {
        sequence++;
        read.add(path);
    }

    /** A successful write: the file changed, and the house knows what it now holds. */
    public synchronized void recordChange(String path) {
        lastChange = ++sequence;
        lastChangedPath = path;
        read.add(path);
    }

    public synchronized void recordProof(boolean passed) {
        lastProof = ++sequence;
        lastProofPassed = passed;
    }

    public synchronized boolean hasRead(String path) {
        return read.contains(path);
    }

    /** True when the latest proof run passed and no file changed after it. */
    public synchronized boolean provenSinceLastChange() {
        return lastProof > lastChange && lastProofPassed;
    }

    /** One sentence on the proof situation, for a refusal. */
    public synchronized String describeProof() {
        if (lastProof < 0) {
            return lastChange < 0
                    ? "run_tests has not been run in this conversation"
                    : "run_tests has not been run since '" + lastChangedPath + "' was changed";
        }
        if (lastProof < lastChange) {
            return "'" + lastChangedPath + "' was changed after the last run_tests";
        }
        return "the last run_tests failed";
    }
}

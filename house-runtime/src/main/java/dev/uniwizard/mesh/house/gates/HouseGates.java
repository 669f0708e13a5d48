package dev.uniwizard.mesh.house.gates;

import dev.uniwizard.mesh.house.config.GatesConfig;
import dev.uniwizard.mesh.house.config.HouseConfig;
import dev.uniwizard.mesh.house.tools.Tool;
import dev.uniwizard.mesh.house.tools.ToolCall;
import dev.uniwizard.mesh.house.tools.mesh.Recipient;
import dev.uniwizard.mesh.house.tools.mesh.SendAllowList;
import dev.uniwizard.mesh.house.tools.mesh.SendMessageTool;
import dev.uniwizard.mesh.house.tools.workspace.Workspace;
import dev.uniwizard.mesh.house.tools.workspace.WorkspaceException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

/**
 * The house's own rules, checked after permissions and before approvals ({@code house.gates.*}):
 *
 * <ul>
 *   <li>read-before-write (Ezra): file_write on an existing file that was not read in this conversation is refused;
 *       creating a new file is allowed, as there is nothing to read.
 *   <li>send allow-list ({@code house.send.allow}): send_message to a recipient not on the list is refused.
 *   <li>proof-required (Bezalel): the guarded tools (git_commit, gitea_create_pr) are refused unless run_tests passed
 *       after the last file change in this conversation.
 * </ul>
 */
@Singleton
public class HouseGates {

    private final String house;
    private final GatesConfig config;
    private final Workspace workspace;
    private final SendAllowList sendAllowList;

    @Inject
    public HouseGates(HouseConfig config, Workspace workspace) {
        this(
                config.name(),
                config.gates(),
                workspace,
                new SendAllowList(config.name(), config.send().allow()));
    }

    public HouseGates(String house, GatesConfig config, Workspace workspace, SendAllowList sendAllowList) {
        this.house = house;
        this.config = config;
        this.workspace = workspace;
        this.sendAllowList = sendAllowList;
    }

    /** Why the call may not run now, or empty when the gates let it through. */
    public Optional<String> check(Tool tool, ToolCall call, ConversationLedger ledger) {
        if (SendMessageTool.NAME.equals(tool.name())) {
            Optional<String> refusal = sendRefusal(call);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        if (config.readBeforeWrite() && ConversationLedger.CHANGE_TOOLS.contains(tool.name())) {
            Optional<String> refusal = readBeforeWrite(call, ledger);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        if (config.proofRequired() && guarded().contains(tool.name()) && !ledger.provenSinceLastChange()) {
            return Optional.of("Refused by the proof-required gate of house '" + house + "': " + tool.name()
                    + " needs a passing run_tests after the last file change, and " + ledger.describeProof()
                    + ". Run run_tests, fix what fails, and try again.");
        }
        return Optional.empty();
    }

    /** The send allow-list, checked before any approval is asked for (the tool checks it again). */
    private Optional<String> sendRefusal(ToolCall call) {
        try {
            return sendAllowList
                    .refusal(Recipient.parse(call.argument("to").orElse("")))
                    .map(why -> "Refused by the send allow-list: " + why + ".");
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // the tool itself says what is wrong with the recipient
        }
    }

    private Optional<String> readBeforeWrite(ToolCall call, ConversationLedger ledger) {
        String given = call.argument("path").orElse("");
        String path = workspace.displayPath(given);
        boolean exists;
        try {
            exists = Files.exists(workspace.resolve(given));
        } catch (WorkspaceException e) {
            return Optional.empty(); // the tool itself refuses the path, with the reason
        }
        if (exists && !ledger.hasRead(path)) {
            return Optional.of("Refused by the read-before-write gate of house '" + house + "': '" + path
                    + "' exists and has not been read in this conversation. Read it with file_read first, then"
                    + " write it.");
        }
        return Optional.empty();
    }

    private List<String> guarded() {
        return config.proofGuardedTools().stream().map(String::strip).toList();
    }
}

package dev.uniwizard.mesh.cli.approvals;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Checks the {@code <id>} argument before anything is sent. */
final class ApprovalIds {

    private ApprovalIds() {}

    static String require(CommandSpec spec, String id) {
        if (id == null || id.isBlank()) {
            throw new ParameterException(spec.commandLine(), "the approval id is empty");
        }
        return id.strip();
    }
}

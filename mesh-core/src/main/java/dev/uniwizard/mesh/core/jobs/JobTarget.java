package dev.uniwizard.mesh.core.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * What a firing asks of which house: a prompt (INTELLIGENT houses answer it with their model) or one tool call (run
 * directly, in any mode, as {@code /tool <tool> key=value ...}). Exactly one of {@code prompt} and {@code tool}.
 *
 * @param house the house
 * @param prompt the text of the task
 * @param tool a tool name
 * @param args the tool's arguments
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobTarget(String house, String prompt, String tool, Map<String, String> args) {}

package dev.uniwizard.mesh.house.tools.system;

import dev.uniwizard.mesh.house.tools.ParamType;
import dev.uniwizard.mesh.house.tools.Tool;
import dev.uniwizard.mesh.house.tools.ToolCall;
import dev.uniwizard.mesh.house.tools.ToolParameter;
import dev.uniwizard.mesh.house.tools.ToolResult;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Lists the processes of the machine this house can see, busiest (most CPU time) first. */
@Singleton
public class ProcessListTool implements Tool {

    public static final String NAME = "process_list";

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 200;
    private static final int MAX_COMMAND_CHARS = 200;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Lists running processes (pid, user, CPU time, command line), most CPU time first, optionally only"
                + " those whose command line contains a text.";
    }

    @Override
    public List<ToolParameter> parameters() {
        return List.of(
                ToolParameter.optional("filter", "only processes whose command line contains this text (any case)"),
                ToolParameter.optional(
                        "limit",
                        ParamType.INTEGER,
                        "how many processes to show, " + DEFAULT_LIMIT + " when omitted, at most " + MAX_LIMIT));
    }

    @Override
    public boolean readOnly() {
        return true;
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(10);
    }

    @Override
    public ToolResult execute(ToolCall call) {
        long limit = call.integer("limit", DEFAULT_LIMIT);
        if (limit < 1 || limit > MAX_LIMIT) {
            return ToolResult.failure("process_list: limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        Optional<String> filter = call.argument("filter")
                .map(String::strip)
                .filter(f -> !f.isEmpty())
                .map(f -> f.toLowerCase(Locale.ROOT));
        List<Row> matching = new ArrayList<>();
        ProcessHandle.allProcesses().forEach(process -> {
            Row row = Row.of(process);
            if (filter.isEmpty() || row.command().toLowerCase(Locale.ROOT).contains(filter.get())) {
                matching.add(row);
            }
        });
        if (matching.isEmpty()) {
            return ToolResult.ok(filter.map(f -> "no process has '" + f + "' in its command line")
                    .orElse("no processes are visible to this house"));
        }
        matching.sort(Comparator.comparing(Row::cpu).reversed().thenComparingLong(Row::pid));
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%8s  %-12s %12s  %s", "PID", "USER", "CPU", "COMMAND"));
        matching.stream().limit(limit).forEach(row -> lines.add(row.format()));
        if (matching.size() > limit) {
            lines.add("(" + (matching.size() - limit) + " more not shown; raise limit (max " + MAX_LIMIT
                    + ") or use filter)");
        }
        return ToolResult.ok(String.join("\n", lines));
    }

    private record Row(long pid, String user, Duration cpu, String command) {

        private static final Pattern CONTROL_CHARACTERS = Pattern.compile("\\p{Cntrl}+");

        static Row of(ProcessHandle process) {
            ProcessHandle.Info info = process.info();
            // a command line may hold newlines or tabs (sh -c scripts); one process is one line of output
            String command = CONTROL_CHARACTERS
                    .matcher(info.commandLine().or(info::command).orElse("?"))
                    .replaceAll(" ");
            return new Row(
                    process.pid(),
                    info.user().orElse("?"),
                    info.totalCpuDuration().orElse(Duration.ZERO),
                    command);
        }

        String format() {
            String shown =
                    command.length() <= MAX_COMMAND_CHARS ? command : command.substring(0, MAX_COMMAND_CHARS) + "...";
            return String.format(Locale.ROOT, "%8d  %-12s %12s  %s", pid, user, clock(cpu), shown);
        }

        private static String clock(Duration cpu) {
            return String.format(
                    Locale.ROOT,
                    "%d:%02d:%02d.%02d",
                    cpu.toHours(),
                    cpu.toMinutesPart(),
                    cpu.toSecondsPart(),
                    cpu.toMillisPart() / 10);
        }
    }
}

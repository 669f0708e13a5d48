package dev.uniwizard.mesh.cli.jobs;

import dev.uniwizard.mesh.cli.ExitCodes;
import dev.uniwizard.mesh.cli.http.OperatorOption;
import dev.uniwizard.mesh.core.jobs.JobDelivery;
import dev.uniwizard.mesh.core.jobs.JobSpec;
import dev.uniwizard.mesh.core.jobs.JobTarget;
import dev.uniwizard.mesh.core.jobs.JobView;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wizard jobs add}: create a job; prints it with its next five fire times. */
@Command(
        name = "add",
        mixinStandardHelpOptions = true,
        description = {
            "Create a scheduled job (POST /api/v1/jobs) and show its next fire times.",
            "Examples:",
            "  wizard jobs add standup --cron \"0 9 * * MON-FRI\" --zone Europe/Berlin --house ezra \\",
            "      --prompt \"Summarize yesterday's open issues\" --deliver telegram:123456",
            "  wizard jobs add disk --every 300 --house bezalel --tool disk_usage --arg path=/srv",
            "  wizard jobs add dead-letters --on mesh.events.deadletter --match /reason=max_deliver \\",
            "      --house timmy --prompt \"A message was dead-lettered; look into it\""
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:created", JobsCommand.REFUSED, JobsCommand.UNREACHABLE})
public final class JobsAddCommand implements Callable<Integer> {

    static final List<String> MISFIRE = List.of(JobSpec.MISFIRE_RUN_ONCE, JobSpec.MISFIRE_SKIP);
    static final List<String> OVERLAP = List.of(JobSpec.OVERLAP_SKIP, JobSpec.OVERLAP_QUEUE, JobSpec.OVERLAP_ALLOW);

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<name>", description = "the job's name: a-z, 0-9, '_' and '-'")
    String name;

    @Mixin
    ScheduleOptions schedule;

    @Option(names = "--house", required = true, paramLabel = "<house>", description = "the house that does the job")
    String house;

    @Option(names = "--prompt", paramLabel = "<text>", description = "what to ask the house")
    String prompt;

    @Option(names = "--tool", paramLabel = "<tool>", description = "or: the one tool the house runs")
    String tool;

    @Option(names = "--arg", paramLabel = "<key=value>", description = "with --tool: an argument; repeatable")
    Map<String, String> args;

    @Option(
            names = "--deliver",
            paramLabel = "<platform:chat[:thread]>",
            description = "where the answer goes, e.g. telegram:123456, slack:C024BE91L, gitea:org/repo:12"
                    + " (default: nowhere, the answer is kept in the run)")
    String deliver;

    @Option(
            names = "--misfire",
            paramLabel = "<policy>",
            description = "after downtime: run_once (fire once for the missed ticks) or skip (default: run_once)")
    String misfire;

    @Option(
            names = "--overlap",
            paramLabel = "<policy>",
            description = "a tick while the last run still runs: skip, queue or allow (default: skip)")
    String overlap;

    @Option(
            names = "--max-run",
            paramLabel = "<seconds>",
            description = "a run not answered after this long is timed_out (default: 600)")
    Long maxRunSeconds;

    @Option(names = "--paused", description = "create it paused; 'wizard jobs resume' starts it")
    boolean paused;

    @Mixin
    OperatorOption operator;

    @Mixin
    SchedulerOptions scheduler;

    @Override
    public Integer call() {
        JobSpec job = job();
        String by = operator.name();
        try (SchedulerClient client = scheduler.client()) {
            JobView created = SchedulerAnswers.read(client.create(job, by), JobView.class);
            PrintWriter out = spec.commandLine().getOut();
            JobText.job(out, "created", created);
            out.flush();
            return ExitCodes.OK;
        }
    }

    JobSpec job() {
        if ((prompt == null) == (tool == null)) {
            throw fail("say what the house does: --prompt \"<text>\" or --tool <tool> [--arg key=value]..., one of"
                    + " them");
        }
        if (args != null && tool == null) {
            throw fail("--arg goes with --tool only");
        }
        if (maxRunSeconds != null && maxRunSeconds < 1) {
            throw fail("--max-run must be at least 1 second, got " + maxRunSeconds);
        }
        return new JobSpec(
                required("<name>", name),
                schedule.schedule(),
                new JobTarget(
                        required("--house", house),
                        prompt == null ? null : required("--prompt", prompt),
                        tool == null ? null : required("--tool", tool),
                        args),
                delivery(),
                paused ? Boolean.FALSE : null,
                misfire == null ? null : oneOf("--misfire", misfire, MISFIRE),
                maxRunSeconds,
                overlap == null ? null : oneOf("--overlap", overlap, OVERLAP));
    }

    private JobDelivery delivery() {
        if (deliver == null) {
            return null;
        }
        String[] parts = deliver.strip().split(":", 3);
        if (parts.length < 2 || parts[0].isBlank() || parts[1].isBlank() || (parts.length == 3 && parts[2].isBlank())) {
            throw fail("--deliver must be platform:chat or platform:chat:thread, e.g. telegram:123456; got '" + deliver
                    + "'");
        }
        return new JobDelivery(parts[0].toLowerCase(Locale.ROOT), parts[1], parts.length == 3 ? parts[2] : null);
    }

    private String oneOf(String option, String raw, List<String> values) {
        String value = raw.strip().toLowerCase(Locale.ROOT);
        if (!values.contains(value)) {
            throw fail(option + " must be " + String.join(", ", values.subList(0, values.size() - 1)) + " or "
                    + values.getLast() + ", got '" + raw + "'");
        }
        return value;
    }

    private String required(String option, String value) {
        if (value == null || value.isBlank()) {
            throw fail(option + " is empty");
        }
        return value.strip();
    }

    private ParameterException fail(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}

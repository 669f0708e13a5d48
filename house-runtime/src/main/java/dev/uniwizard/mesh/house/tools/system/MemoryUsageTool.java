package dev.uniwizard.mesh.house.tools.system;

import dev.uniwizard.mesh.house.tools.Tool;
import dev.uniwizard.mesh.house.tools.ToolCall;
import dev.uniwizard.mesh.house.tools.ToolParameter;
import dev.uniwizard.mesh.house.tools.ToolResult;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reports the machine's memory and swap (from {@code /proc/meminfo} on Linux, from the JVM's view of the operating
 * system elsewhere) and the house's own JVM heap.
 */
@Singleton
public class MemoryUsageTool implements Tool {

    public static final String NAME = "memory_usage";

    private static final Pattern MEMINFO_LINE = Pattern.compile("(\\w+):\\s+(\\d+)\\s*kB");

    private final Path meminfo;

    @Inject
    public MemoryUsageTool() {
        this(Path.of("/proc/meminfo"));
    }

    /** @param meminfo where to read the kernel's memory figures; the JVM's view is used when it does not exist */
    public MemoryUsageTool(Path meminfo) {
        this.meminfo = meminfo;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Shows the machine's total and available memory and swap, and this house's JVM heap.";
    }

    @Override
    public List<ToolParameter> parameters() {
        return List.of();
    }

    @Override
    public boolean readOnly() {
        return true;
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(5);
    }

    @Override
    public ToolResult execute(ToolCall call) {
        List<String> lines = new ArrayList<>(machineMemory());
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        lines.add("jvm heap: " + ByteSizes.human(heap.getUsed()) + " used, " + ByteSizes.human(heap.getCommitted())
                + " committed, max " + (heap.getMax() < 0 ? "not fixed" : ByteSizes.human(heap.getMax())));
        return ToolResult.ok(String.join("\n", lines));
    }

    private List<String> machineMemory() {
        if (Files.isReadable(meminfo)) {
            try {
                return fromMeminfo(parse(Files.readAllLines(meminfo)));
            } catch (IOException | RuntimeException e) {
                return withNote(fromJvm(), "(" + meminfo + " could not be read: " + e.getMessage() + ")");
            }
        }
        return fromJvm();
    }

    static Map<String, Long> parse(List<String> lines) {
        Map<String, Long> kib = new HashMap<>();
        for (String line : lines) {
            Matcher matcher = MEMINFO_LINE.matcher(line.strip());
            if (matcher.matches()) {
                kib.put(matcher.group(1), Long.parseLong(matcher.group(2)));
            }
        }
        return kib;
    }

    private List<String> fromMeminfo(Map<String, Long> kib) {
        Long total = kib.get("MemTotal");
        if (total == null) {
            return withNote(fromJvm(), "(" + meminfo + " has no MemTotal line)");
        }
        List<String> lines = new ArrayList<>();
        Long available = kib.get("MemAvailable");
        if (available == null && kib.containsKey("MemFree")) {
            available = kib.get("MemFree") + kib.getOrDefault("Buffers", 0L) + kib.getOrDefault("Cached", 0L);
        }
        lines.add(memoryLine(total * 1024, available == null ? OptionalLong.empty() : OptionalLong.of(available * 1024))
                + " (source: " + meminfo + ")");
        lines.add(swapLine(kib.getOrDefault("SwapTotal", 0L) * 1024, kib.getOrDefault("SwapFree", 0L) * 1024));
        return lines;
    }

    private static List<String> fromJvm() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return List.of(
                    memoryLine(os.getTotalMemorySize(), OptionalLong.of(os.getFreeMemorySize()))
                            + " (source: the JVM's view of the system)",
                    swapLine(os.getTotalSwapSpaceSize(), os.getFreeSwapSpaceSize()));
        }
        return List.of("memory: not available on this platform");
    }

    private static String memoryLine(long total, OptionalLong available) {
        if (available.isEmpty()) {
            return "memory: total " + ByteSizes.human(total) + ", available unknown";
        }
        long used = total - available.getAsLong();
        return "memory: total " + ByteSizes.human(total) + ", available " + ByteSizes.human(available.getAsLong())
                + ", used " + ByteSizes.human(used) + " (" + ByteSizes.percent(used, total) + ")";
    }

    private static String swapLine(long total, long free) {
        if (total <= 0) {
            return "swap: none";
        }
        long used = total - free;
        return "swap: total " + ByteSizes.human(total) + ", free " + ByteSizes.human(free) + ", used "
                + ByteSizes.human(used) + " (" + ByteSizes.percent(used, total) + ")";
    }

    private static List<String> withNote(List<String> lines, String note) {
        List<String> noted = new ArrayList<>(lines);
        noted.add(note);
        return noted;
    }
}

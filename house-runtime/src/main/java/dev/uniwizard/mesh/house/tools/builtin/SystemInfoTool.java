package dev.uniwizard.mesh.house.tools.builtin;

import dev.uniwizard.mesh.house.config.HouseConfig;
import dev.uniwizard.mesh.house.tools.Tool;
import dev.uniwizard.mesh.house.tools.ToolCall;
import dev.uniwizard.mesh.house.tools.ToolParameter;
import dev.uniwizard.mesh.house.tools.ToolResult;
import dev.uniwizard.mesh.service.config.MeshConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.OperatingSystemMXBean;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Describes the machine and the JVM this house runs on. */
@Singleton
public class SystemInfoTool implements Tool {

    public static final String NAME = "system_info";

    private final String house;
    private final String nodeId;

    @Inject
    public SystemInfoTool(HouseConfig house, MeshConfig mesh) {
        this(house.name(), mesh.nodeId());
    }

    public SystemInfoTool(String house, String nodeId) {
        this.house = house;
        this.nodeId = nodeId;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Shows the host, operating system, JVM, memory, load and uptime of this house.";
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
    public ToolResult execute(ToolCall call) {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        double load = os.getSystemLoadAverage();
        String text = String.join(
                "\n",
                "house: " + house,
                "node: " + nodeId,
                "host: " + hostname(),
                "os: " + os.getName() + " " + os.getVersion() + " (" + os.getArch() + ")",
                "processors: " + Runtime.getRuntime().availableProcessors(),
                "jvm: " + System.getProperty("java.vm.name") + " " + Runtime.version(),
                "heap: " + mebibytes(heap.getUsed()) + " used of " + maxHeap(heap),
                "load average: " + (load < 0 ? "not available" : String.format(Locale.ROOT, "%.2f", load)),
                "uptime: "
                        + human(Duration.ofMillis(
                                ManagementFactory.getRuntimeMXBean().getUptime())));
        return ToolResult.ok(text);
    }

    private static String maxHeap(MemoryUsage heap) {
        return heap.getMax() < 0 ? "no fixed maximum" : mebibytes(heap.getMax());
    }

    private static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    static String human(Duration uptime) {
        long days = uptime.toDays();
        String clock = String.format(
                Locale.ROOT, "%02d:%02d:%02d", uptime.toHoursPart(), uptime.toMinutesPart(), uptime.toSecondsPart());
        return days > 0 ? days + "d " + clock : clock;
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String fromEnv = System.getenv("HOSTNAME");
            return fromEnv == null || fromEnv.isBlank() ? "unknown" : fromEnv;
        }
    }
}

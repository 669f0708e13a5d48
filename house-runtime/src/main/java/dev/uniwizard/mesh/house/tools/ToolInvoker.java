package dev.uniwizard.mesh.house.tools;

import dev.uniwizard.mesh.house.config.HouseConfig;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The one place where tools run: finds the tool, checks the arguments, runs it, never lets an exception escape, and
 * counts every call in {@code mesh.house.tool.calls{house,tool,outcome}}. Whatever wraps a tool later (timeouts,
 * circuit breakers, permission policies, approvals) belongs here, so every mode gets it.
 */
@Singleton
public class ToolInvoker {

    private static final Logger LOG = Logger.getLogger(ToolInvoker.class);

    private final String house;
    private final ToolRegistry registry;
    private final MeterRegistry meters;

    @Inject
    public ToolInvoker(HouseConfig config, ToolRegistry registry, MeterRegistry meters) {
        this(config.name(), registry, meters);
    }

    public ToolInvoker(String house, ToolRegistry registry, MeterRegistry meters) {
        this.house = house;
        this.registry = registry;
        this.meters = meters;
    }

    public ToolInvocation invoke(ToolCall call) {
        ToolInvocation invocation = attempt(call);
        String toolTag = invocation instanceof ToolInvocation.UnknownTool ? "unknown" : call.tool();
        meters.counter("mesh.house.tool.calls", "house", house, "tool", toolTag, "outcome", invocation.outcome())
                .increment();
        return invocation;
    }

    private ToolInvocation attempt(ToolCall call) {
        Optional<Tool> found = registry.find(call.tool());
        if (found.isEmpty()) {
            return new ToolInvocation.UnknownTool(call.tool());
        }
        Tool tool = found.get();
        Optional<String> problem = ToolRegistry.checkArguments(tool, call);
        if (problem.isPresent()) {
            return new ToolInvocation.BadArguments(tool, problem.get());
        }
        try {
            ToolResult result = tool.execute(call);
            if (result == null) {
                return new ToolInvocation.Crashed(tool, "the tool returned no result");
            }
            return new ToolInvocation.Completed(tool, result);
        } catch (RuntimeException e) {
            LOG.warnf(e, "tool %s of house %s failed", tool.name(), house);
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new ToolInvocation.Crashed(tool, message);
        }
    }
}

package dev.uniwizard.mesh.bench.memory;

/** The figures of one run and their ratios. */
record MemoryBenchReport(
        BenchSettings settings,
        Latencies appended,
        Latencies plainInserts,
        Latencies fullText,
        Latencies scans,
        Latencies verify) {

    String render() {
        StringBuilder out = new StringBuilder();
        out.append("memory benchmark: ")
                .append(settings)
                .append(", ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores\n");
        for (Latencies phase : new Latencies[] {appended, plainInserts, fullText, scans, verify}) {
            out.append(phase.line()).append('\n');
        }
        ratio(out, "append throughput, chained store / plain insert", appended.perSecond(), plainInserts.perSecond());
        ratio(out, "search p50, ILIKE scan / full text", scans.p50Millis(), fullText.p50Millis());
        ratio(out, "search p99, ILIKE scan / full text", scans.p99Millis(), fullText.p99Millis());
        ratio(out, "full-text search p99 / p50", fullText.p99Millis(), fullText.p50Millis());
        return out.toString();
    }

    private static void ratio(StringBuilder out, String what, double a, double b) {
        out.append(what).append(": ").append(MemoryBenchmark.ratio(a, b)).append('\n');
    }
}

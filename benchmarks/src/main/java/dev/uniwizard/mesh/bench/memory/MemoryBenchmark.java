package dev.uniwizard.mesh.bench.memory;

import java.util.Locale;

/**
 * memory-svc's benchmark: appends messages as the service stores them, then times full-text searches and a walk of
 * the chain, each next to a baseline measured in the same run, and prints the figures and their ratios.
 */
public final class MemoryBenchmark {

    private MemoryBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.parse(args);
        System.out.println(run(settings).render());
    }

    static MemoryBenchReport run(BenchSettings settings) throws InterruptedException {
        try (BenchDatabase database = BenchDatabase.create(settings.threads() + 2)) {
            AppendPhase appends = new AppendPhase(database.jdbi(), settings);
            Latencies appended = appends.appendThroughTheStore();
            Latencies plain = appends.plainInserts();
            database.jdbi().useHandle(handle -> handle.execute("VACUUM ANALYZE"));
            SearchPhase searches = new SearchPhase(database.jdbi(), settings);
            Latencies fullText = searches.fullText();
            Latencies scans = searches.substringScans();
            Latencies verify = new VerifyPhase(database.jdbi()).walk();
            return new MemoryBenchReport(settings, appended, plain, fullText, scans, verify);
        }
    }

    static String ratio(double a, double b) {
        return b == 0 ? "n/a" : String.format(Locale.ROOT, "%.2fx", a / b);
    }
}

package dev.uniwizard.mesh.bench.memory;

import java.util.Locale;

/**
 * What one run does. Arguments are {@code --name value}; every one has a default.
 *
 * @param messages messages appended
 * @param conversations conversations they are spread over
 * @param threads appending threads (each a connection, as memory-svc's request workers)
 * @param baselineInserts plain single-row inserts for the append baseline
 * @param searches searches timed per scope
 * @param baselineScans ILIKE scans for the search baseline
 * @param seed corpus seed
 */
record BenchSettings(
        int messages, int conversations, int threads, int baselineInserts, int searches, int baselineScans, long seed) {

    static BenchSettings parse(String... args) {
        int messages = 100_000;
        int conversations = 1_000;
        int threads = 8;
        int baselineInserts = 20_000;
        int searches = 2_000;
        int baselineScans = 40;
        long seed = 42;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("argument " + args[i] + " has no value");
            }
            String value = args[i + 1];
            switch (args[i].toLowerCase(Locale.ROOT)) {
                case "--messages" -> messages = positive(args[i], value);
                case "--conversations" -> conversations = positive(args[i], value);
                case "--threads" -> threads = positive(args[i], value);
                case "--baseline-inserts" -> baselineInserts = positive(args[i], value);
                case "--searches" -> searches = positive(args[i], value);
                case "--baseline-scans" -> baselineScans = positive(args[i], value);
                case "--seed" -> seed = Long.parseLong(value);
                default ->
                    throw new IllegalArgumentException("unknown argument " + args[i] + "; known: --messages,"
                            + " --conversations, --threads, --baseline-inserts, --searches, --baseline-scans, --seed");
            }
        }
        return new BenchSettings(messages, conversations, threads, baselineInserts, searches, baselineScans, seed);
    }

    private static int positive(String name, String value) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < 1) {
                throw new IllegalArgumentException(name + " must be at least 1, got " + value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'", e);
        }
    }
}
